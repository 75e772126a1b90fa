package seedance.team.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import seedance.config.ServerSettings;
import seedance.credit.CreditLedger;
import seedance.dashboard.PageController;
import seedance.dashboard.SignedIn;
import seedance.team.Teams;
import seedance.web.ApiException;
import seedance.web.ErrorCode;

/**
 * {@code /dashboard/team} (create a team, invite, fill the pool, give credits to members) and
 * {@code /invite/{token}} (see and accept an invitation).
 */
@PageController
class TeamPages {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  record MemberRow(String accountId, String email, String role, String joined, boolean me) {}

  record InviteRow(String id, String email, String expires) {}

  private final Teams teams;
  private final CreditLedger ledger;
  private final ServerSettings server;

  TeamPages(Teams teams, CreditLedger ledger, ServerSettings server) {
    this.teams = teams;
    this.ledger = ledger;
    this.server = server;
  }

  @GetMapping("/dashboard/team")
  String page(HttpServletRequest request, Model model) {
    var me = SignedIn.of(request);
    model.addAttribute("balance", ledger.balance(me.accountId()));
    var view = teams.view(me.accountId()).orElse(null);
    model.addAttribute("team", view);
    if (view != null) {
      model.addAttribute(
          "members",
          view.members().stream()
              .map(
                  m ->
                      new MemberRow(
                          m.accountId(),
                          m.email(),
                          m.role(),
                          DAY.format(Instant.ofEpochMilli(m.joinedAt())),
                          m.accountId().equals(me.accountId())))
              .toList());
      model.addAttribute(
          "invites",
          view.invites().stream()
              .map(
                  i ->
                      new InviteRow(
                          i.id(), i.email(), DAY.format(Instant.ofEpochMilli(i.expiresAt()))))
              .toList());
    }
    return "team";
  }

  @PostMapping("/dashboard/team")
  String create(
      @RequestParam(defaultValue = "") String name,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    var me = SignedIn.of(request);
    try {
      teams.create(me.accountId(), name);
      return "redirect:/dashboard/team?created";
    } catch (ApiException e) {
      return failed(
          e.code() == ErrorCode.ALREADY_EXISTS ? "team.error.already" : "team.error.name",
          e,
          request,
          response,
          model);
    }
  }

  @PostMapping("/dashboard/team/invites")
  String invite(
      @RequestParam(defaultValue = "") String email,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    var me = SignedIn.of(request);
    try {
      var invite = teams.invite(me.accountId(), email);
      // Shown in the answer to this POST only: the server keeps just a hash of the token.
      model.addAttribute("inviteLink", base() + "/invite/" + invite.token());
      model.addAttribute("inviteEmail", invite.email());
      return page(request, model);
    } catch (ApiException e) {
      model.addAttribute("inviteValue", email);
      return failed(
          e.code() == ErrorCode.ALREADY_EXISTS ? "team.error.member" : "team.error.email",
          e,
          request,
          response,
          model);
    }
  }

  @PostMapping("/dashboard/team/invites/{id}/revoke")
  String revoke(@PathVariable String id, HttpServletRequest request) {
    teams.revokeInvite(SignedIn.of(request).accountId(), id);
    return "redirect:/dashboard/team?revoked";
  }

  @PostMapping("/dashboard/team/pool")
  String fund(
      @RequestParam(defaultValue = "") String amount,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    var me = SignedIn.of(request);
    try {
      teams.fund(me.accountId(), credits(amount));
      return "redirect:/dashboard/team?funded";
    } catch (ApiException e) {
      return failed("team.error.fund", e, request, response, model);
    }
  }

  @PostMapping("/dashboard/team/members/{id}/credits")
  String give(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String amount,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    var me = SignedIn.of(request);
    try {
      teams.give(me.accountId(), id, credits(amount));
      return "redirect:/dashboard/team?given";
    } catch (ApiException e) {
      return failed("team.error.give", e, request, response, model);
    }
  }

  @PostMapping("/dashboard/team/members/{id}/remove")
  String remove(@PathVariable String id, HttpServletRequest request) {
    teams.remove(SignedIn.of(request).accountId(), id);
    return "redirect:/dashboard/team?removed";
  }

  @PostMapping("/dashboard/team/leave")
  String leave(HttpServletRequest request) {
    teams.leave(SignedIn.of(request).accountId());
    return "redirect:/dashboard/team?left";
  }

  @GetMapping("/invite/{token}")
  String invitation(@PathVariable String token, HttpServletRequest request, Model model) {
    var invitation = teams.invitation(token);
    model.addAttribute("invitation", invitation);
    model.addAttribute("token", token);
    var me = SignedIn.find(request).filter(s -> s.accountId() != null).orElse(null);
    model.addAttribute("me", me);
    model.addAttribute("emailMatches", me != null && me.email().equals(invitation.email()));
    return "invite";
  }

  @PostMapping("/invite/{token}")
  String accept(
      @PathVariable String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    var me = SignedIn.find(request).filter(s -> s.accountId() != null).orElse(null);
    if (me == null) {
      return "redirect:/login?next=/invite/" + token;
    }
    try {
      teams.accept(token, me.accountId());
      return "redirect:/dashboard/team?joined";
    } catch (ApiException e) {
      response.setStatus(e.code().status());
      // A wrong address needs no extra alert: the page itself says whom the invitation is for.
      if (!"email".equals(e.param())) {
        model.addAttribute(
            "errorKey",
            e.code() == ErrorCode.ALREADY_EXISTS ? "invite.error.already" : "invite.error.used");
      }
      return invitation(token, request, model);
    }
  }

  private String failed(
      String key,
      ApiException e,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    response.setStatus(e.code().status() == 404 ? 404 : 400);
    model.addAttribute("errorKey", key);
    return page(request, model);
  }

  private static long credits(String amount) {
    try {
      return Long.parseLong(amount.strip());
    } catch (NumberFormatException e) {
      throw ApiException.invalidField("amount", "amount must be a whole number of credits");
    }
  }

  private String base() {
    String configured = server.publicUrl();
    if (configured != null && !configured.isBlank()) {
      return configured.replaceAll("/+$", "");
    }
    return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
  }
}
