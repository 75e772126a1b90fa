package seedance.billing.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import seedance.config.ServerSettings;
import seedance.credit.CreditLedger;
import seedance.dashboard.PageController;
import seedance.dashboard.PageError;
import seedance.dashboard.SignedIn;
import seedance.team.Teams;
import seedance.video.PriceList;
import seedance.web.ApiException;

/** {@code /pricing} (public) and {@code /dashboard/billing}: packs, the price table, checkout. */
@PageController
class BillingPages {

  private static final List<String> RESOLUTIONS = List.of("720p", "1080p", "1080p-plus", "4k");
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** A pack as a card shows it; {@code videos} = how many standard 720p 5-second videos it buys. */
  record PackCard(String id, String name, long credits, String price, long videos) {}

  /** One tier's row of the price table: credits per second per resolution, null where not sold. */
  record RateRow(String tier, List<Long> cells) {}

  record Purchase(String at, String pack, long credits, String price) {}

  private final BillingSettings settings;
  private final Checkouts checkouts;
  private final CheckoutRepository repository;
  private final PriceList prices;
  private final CreditLedger ledger;
  private final ServerSettings server;
  private final Teams teams;

  BillingPages(
      BillingSettings settings,
      Checkouts checkouts,
      CheckoutRepository repository,
      PriceList prices,
      CreditLedger ledger,
      ServerSettings server,
      Teams teams) {
    this.settings = settings;
    this.checkouts = checkouts;
    this.repository = repository;
    this.prices = prices;
    this.ledger = ledger;
    this.server = server;
    this.teams = teams;
  }

  @GetMapping("/pricing")
  String pricing(HttpServletRequest request, Model model) {
    addCatalogue(request, model);
    return "pricing";
  }

  @GetMapping("/dashboard/billing")
  String billing(
      @RequestParam(defaultValue = "") String checkout,
      @RequestParam(name = "session_id", defaultValue = "") String sessionId,
      HttpServletRequest request,
      Model model) {
    var me = SignedIn.of(request);
    // Back from Stripe: say whether the webhook has credited this session yet (our own record).
    repository
        .find(sessionId)
        .filter(c -> c.accountId().equals(me.accountId()))
        .ifPresent(c -> model.addAttribute("returned", c));
    addCatalogue(request, model);
    model.addAttribute("balance", ledger.balance(me.accountId()));
    model.addAttribute(
        "ownedTeam", teams.view(me.accountId()).filter(Teams.TeamView::owner).orElse(null));
    model.addAttribute(
        "checkoutState",
        switch (checkout) {
          case "success", "cancelled" -> checkout;
          default -> null;
        });
    var locale = RequestContextUtils.getLocale(request);
    model.addAttribute(
        "purchases",
        repository.paid(me.accountId(), 20).stream()
            .map(
                c ->
                    new Purchase(
                        MINUTES.format(Instant.ofEpochMilli(c.createdAt())),
                        settings.pack(c.packId()).map(CreditPack::name).orElse(c.packId()),
                        c.credits(),
                        money(c.amount(), c.currency(), locale)))
            .toList());
    return "billing";
  }

  @PostMapping("/dashboard/billing/checkout")
  String checkout(
      @RequestParam(defaultValue = "") String pack,
      @RequestParam(name = "for", defaultValue = "me") String target,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    var me = SignedIn.of(request);
    // Credits bought "for the team" land in the pool of the team this account owns, nowhere else.
    String holder =
        "team".equals(target)
            ? teams
                .view(me.accountId())
                .filter(Teams.TeamView::owner)
                .map(v -> v.team().id())
                .orElseThrow(PageError::notFound)
            : me.accountId();
    try {
      return "redirect:" + checkouts.start(me.accountId(), holder, pack, base());
    } catch (ApiException e) {
      response.setStatus(e.code().status());
      model.addAttribute(
          "errorKey",
          "pack".equals(e.param()) ? "billing.error.pack" : "billing.error.unavailable");
      return billing("", "", request, model);
    }
  }

  private void addCatalogue(HttpServletRequest request, Model model) {
    var locale = RequestContextUtils.getLocale(request);
    long perVideo = prices.price("standard", "720p", "standard", 5);
    model.addAttribute("billingEnabled", settings.enabled());
    model.addAttribute(
        "packs",
        settings.packs().stream()
            .map(
                p ->
                    new PackCard(
                        p.id(),
                        p.name(),
                        p.credits(),
                        money(p.amount(), settings.currency(), locale),
                        p.credits() / perVideo))
            .toList());
    model.addAttribute("perVideo", perVideo);
    model.addAttribute("resolutions", RESOLUTIONS);
    var rows = new ArrayList<RateRow>();
    for (String tier : List.of("mini", "standard", "pro")) {
      var cells = new ArrayList<Long>();
      for (String resolution : RESOLUTIONS) {
        cells.add(
            prices.rates().stream()
                .filter(r -> r.tier().equals(tier) && r.resolution().equals(resolution))
                .map(PriceList.Rate::creditsPerSecond)
                .findFirst()
                .orElse(null));
      }
      rows.add(new RateRow(tier, cells));
    }
    model.addAttribute("rates", rows);
    model.addAttribute("channels", prices.channels());
  }

  private static String money(long minorUnits, String currency, Locale locale) {
    var format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
    return format.format(minorUnits / 100.0);
  }

  private String base() {
    String configured = server.publicUrl();
    if (configured != null && !configured.isBlank()) {
      return configured.replaceAll("/+$", "");
    }
    return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
  }
}
