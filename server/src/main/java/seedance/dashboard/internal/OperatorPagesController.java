package seedance.dashboard.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import seedance.account.Accounts;
import seedance.account.SignInResult;
import seedance.account.SignIns;
import seedance.account.WebSessions;
import seedance.apikey.ApiKeys;
import seedance.config.ServerSettings;
import seedance.credit.CreditLedger;
import seedance.dashboard.PageController;
import seedance.dashboard.PageError;
import seedance.web.ApiException;
import seedance.web.RandomIds;

/**
 * The operator's pages under {@code /admin}: sign in with the admin token, find accounts, grant
 * credits, revoke keys, make set-password links. The JSON operator API stays at {@code /admin/v1}.
 */
@PageController
class OperatorPagesController {

  static final int PAGE_SIZE = 50;

  record AccountRow(String id, String email, long balance, String created) {}

  private final Accounts accounts;
  private final CreditLedger ledger;
  private final ApiKeys keys;
  private final SignIns signIns;
  private final WebSessions sessions;
  private final PageCookies cookies;
  private final TransactionTemplate transactions;
  private final ServerSettings settings;
  private final byte[] tokenDigest;

  OperatorPagesController(
      Accounts accounts,
      CreditLedger ledger,
      ApiKeys keys,
      SignIns signIns,
      WebSessions sessions,
      PageCookies cookies,
      TransactionTemplate transactions,
      ServerSettings settings) {
    this.accounts = accounts;
    this.ledger = ledger;
    this.keys = keys;
    this.signIns = signIns;
    this.sessions = sessions;
    this.cookies = cookies;
    this.transactions = transactions;
    this.settings = settings;
    String token = settings.adminToken();
    this.tokenDigest = token == null || token.isBlank() ? null : sha256(token);
  }

  @GetMapping("/admin/login")
  String signInForm(Model model) {
    model.addAttribute("closed", tokenDigest == null);
    return "admin/login";
  }

  @PostMapping("/admin/login")
  String signIn(
      @RequestParam(defaultValue = "") String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    // Digests have a fixed length, so the comparison takes the same time for any guess.
    boolean matches = tokenDigest != null && MessageDigest.isEqual(tokenDigest, sha256(token));
    var result = signIns.operatorSignIn(matches, request.getRemoteAddr());
    if (result.ok()) {
      cookies.begin(request, response, sessions.startOperator(), WebSessions.OPERATOR_TTL);
      return "redirect:/admin";
    }
    model.addAttribute("closed", tokenDigest == null);
    if (result.outcome() == SignInResult.Outcome.THROTTLED) {
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(result.retryAfterSeconds()));
      model.addAttribute("errorKey", "login.error.throttled");
      model.addAttribute("retryMinutes", (result.retryAfterSeconds() + 59) / 60);
    } else {
      response.setStatus(401);
      model.addAttribute("errorKey", "admin.login.wrong");
    }
    return "admin/login";
  }

  @PostMapping("/admin/logout")
  String signOut(HttpServletRequest request, HttpServletResponse response) {
    cookies.end(request, response);
    return "redirect:/admin/login";
  }

  @GetMapping("/admin")
  String home() {
    return "redirect:/admin/accounts";
  }

  @GetMapping("/admin/accounts")
  String list(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "1") int page,
      Model model) {
    int current = Math.max(1, Math.min(page, 100_000));
    var found = accounts.list(q, (current - 1) * PAGE_SIZE, PAGE_SIZE + 1);
    model.addAttribute(
        "accounts",
        found.stream()
            .limit(PAGE_SIZE)
            .map(
                a ->
                    new AccountRow(
                        a.id(), a.email(), ledger.balance(a.id()), PageTimes.format(a.createdAt())))
            .toList());
    model.addAttribute("q", q);
    model.addAttribute("page", current);
    model.addAttribute("hasNext", found.size() > PAGE_SIZE);
    return "admin/accounts";
  }

  @GetMapping("/admin/accounts/{id}")
  String account(@PathVariable String id, Model model) {
    return accountPage(id, model);
  }

  @PostMapping("/admin/accounts/{id}/credits")
  String grant(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String amount,
      @RequestParam(defaultValue = "") String reference,
      HttpServletResponse response,
      Model model) {
    accounts.find(id).orElseThrow(PageError::notFound);
    long credits;
    try {
      credits = Long.parseLong(amount.strip());
    } catch (NumberFormatException e) {
      credits = 0;
    }
    if (credits == 0 || Math.abs(credits) > 1_000_000_000L || !reference.startsWith("page_")) {
      response.setStatus(400);
      model.addAttribute("grantError", "admin.grant.error");
      return accountPage(id, model);
    }
    long amountToGrant = credits;
    try {
      // The reference was made when the form was drawn: submitting it twice grants once.
      transactions.executeWithoutResult(tx -> ledger.grant(id, amountToGrant, reference));
    } catch (ApiException e) {
      response.setStatus(400);
      model.addAttribute("grantError", "admin.grant.error");
      return accountPage(id, model);
    }
    return "redirect:/admin/accounts/" + id + "?granted=" + credits;
  }

  @PostMapping("/admin/keys/{keyId}/revoke")
  String revokeKey(@PathVariable String keyId) {
    var key = keys.find(keyId).orElseThrow(PageError::notFound);
    keys.revoke(keyId);
    return "redirect:/admin/accounts/" + key.accountId();
  }

  @PostMapping("/admin/accounts/{id}/password-link")
  String passwordLink(@PathVariable String id, Model model) {
    accounts.find(id).orElseThrow(PageError::notFound);
    var link = signIns.passwordLink(id);
    String base =
        settings.publicUrl() == null || settings.publicUrl().isBlank()
            ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
            : settings.publicUrl().replaceAll("/+$", "");
    model.addAttribute("passwordLink", base + "/set-password?token=" + link.token());
    return accountPage(id, model);
  }

  private String accountPage(String id, Model model) {
    var account = accounts.find(id).orElseThrow(PageError::notFound);
    model.addAttribute(
        "account",
        new AccountRow(
            account.id(),
            account.email(),
            ledger.balance(id),
            PageTimes.format(account.createdAt())));
    model.addAttribute("keys", keys.list(id).stream().map(KeysController.KeyRow::of).toList());
    model.addAttribute(
        "ledger", ledger.page(id, 0, 20).stream().map(OverviewController.LedgerRow::of).toList());
    model.addAttribute("grantReference", RandomIds.next("page_", 24));
    return "admin/account";
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
