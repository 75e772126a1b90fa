package seedance.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import seedance.testing.ApiTest;
import seedance.testing.PageClient;

/**
 * The billing and team pages over plain HTTP, on a server without Stripe keys: billing says it is
 * off, and team actions are refused to anyone but the owner, without a CSRF token, or with an
 * invitation meant for someone else.
 */
class TeamPagesTest extends ApiTest {

  private PageClient browser() {
    return new PageClient("http://127.0.0.1:" + port);
  }

  private static String email() {
    return "tp" + UUID.randomUUID() + "@example.com";
  }

  @Test
  void withoutStripeKeysBillingSaysSoAndTheWebhookIsClosed() {
    var pricing = browser().get("/pricing");
    assertThat(pricing.status()).isEqualTo(200);
    assertThat(pricing.text()).contains("id=\"billing-off\"").doesNotContain("id=\"buy-starter\"");
    assertThat(pricing.text()).contains("Starter").contains("$10.00");

    var me = browser();
    me.signUp(email(), "correct horse battery");
    assertThat(me.get("/dashboard/billing").text()).contains("id=\"billing-off\"");
    var checkout = me.post("/dashboard/billing/checkout", Map.of("pack", "starter"));
    assertThat(checkout.status()).isEqualTo(404);

    var webhook =
        api()
            .send(
                "POST",
                "/webhooks/stripe",
                Map.of("Content-Type", "application/json", "Stripe-Signature", "t=1,v1=00"),
                "{}");
    assertThat(webhook.status()).isEqualTo(404);
    assertThat(webhook.errorCode()).isEqualTo("not_found");
  }

  @Test
  void onlyTheOwnerMovesPoolCreditsAndEveryFormNeedsItsToken() {
    var owner = browser();
    owner.signUp(email(), "correct horse battery");
    owner.get("/dashboard/team");
    assertThat(owner.post("/dashboard/team", Map.of("name", "Kedi")).status()).isEqualTo(302);

    var noToken = owner.postRaw("/dashboard/team/pool", Map.of("amount", "1"));
    assertThat(noToken.status()).isGreaterThanOrEqualTo(400);

    owner.get("/dashboard/team");
    var tooMuch = owner.post("/dashboard/team/pool", Map.of("amount", "5"));
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.text()).contains("not more than your balance");
    var notANumber = owner.post("/dashboard/team/pool", Map.of("amount", "ten"));
    assertThat(notANumber.status()).isEqualTo(400);
    var stranger = owner.post("/dashboard/team/members/acct_nobody/credits", Map.of("amount", "1"));
    assertThat(stranger.status()).isEqualTo(404);

    var other = browser();
    other.signUp(email(), "correct horse battery");
    other.get("/dashboard/team");
    var notOwner = other.post("/dashboard/team/pool", Map.of("amount", "1"));
    assertThat(notOwner.status()).isEqualTo(404);
  }

  @Test
  void anInvitationForSomeoneElseCannotBeAccepted() {
    var owner = browser();
    owner.signUp(email(), "correct horse battery");
    owner.get("/dashboard/team");
    owner.post("/dashboard/team", Map.of("name", "Invites"));
    owner.get("/dashboard/team");
    String invited = email();
    var created = owner.post("/dashboard/team/invites", Map.of("email", invited));
    var matcher =
        java.util.regex.Pattern.compile("/invite/([0-9A-Za-z]{32})").matcher(created.text());
    assertThat(matcher.find()).isTrue();
    String path = "/invite/" + matcher.group(1);

    var signedOut = browser().get(path);
    assertThat(signedOut.status()).isEqualTo(200);
    assertThat(signedOut.text()).contains(invited).contains("id=\"invite-signup\"");

    var someoneElse = browser();
    someoneElse.signUp(email(), "correct horse battery");
    var page = someoneElse.get(path);
    assertThat(page.text()).contains("id=\"invite-other-email\"").doesNotContain("accept-invite");
    var accept = someoneElse.post(path, Map.of());
    assertThat(accept.status()).isEqualTo(400);
    assertThat(someoneElse.get("/dashboard/team").text()).contains("id=\"create-team\"");

    assertThat(browser().get("/invite/" + "x".repeat(32)).status()).isEqualTo(404);
  }
}
