package seedance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import seedance.testing.ApiTest;
import seedance.testing.PageClient;

/**
 * The dashboard's defences, checked over plain HTTP: CSRF, other accounts' things, session
 * fixation, the login throttle, and that the API paths see none of the dashboard's machinery.
 */
class DashboardSecurityTest extends ApiTest {

  private static final String PASSWORD = "a long enough password";

  private PageClient browser() {
    return new PageClient("http://127.0.0.1:" + port);
  }

  private static String email() {
    return "s" + UUID.randomUUID() + "@example.com";
  }

  private PageClient signedUp() {
    var browser = browser();
    assertThat(browser.signUp(email(), PASSWORD).status()).isEqualTo(302);
    return browser;
  }

  @Test
  void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
    var browser = signedUp();
    browser.get("/dashboard/keys");

    var missing = browser.postRaw("/dashboard/keys", Map.of("name", "sneaky", "mode", "live"));
    var wrong =
        browser.postRaw(
            "/dashboard/keys",
            Map.of("name", "sneaky", "mode", "live", "_csrf", "0" + "f".repeat(63)));
    var logout = browser.postRaw("/logout", Map.of());
    var login = browser().postRaw("/login", Map.of("email", email(), "password", PASSWORD));

    assertThat(missing.status()).isEqualTo(403);
    assertThat(missing.text()).contains("The form expired or did not come from this site");
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(logout.status()).isEqualTo(403);
    assertThat(login.status()).isEqualTo(403);
    var keys = browser.get("/dashboard/keys");
    assertThat(keys.status()).isEqualTo(200);
    assertThat(keys.text()).doesNotContain("sneaky");
  }

  @Test
  void aTokenFromAnotherBrowserDoesNotWork() {
    var victim = signedUp();
    var attacker = signedUp();
    victim.get("/dashboard/keys");
    attacker.get("/dashboard/keys");

    var forged =
        victim.postRaw(
            "/dashboard/keys", Map.of("name", "forged", "mode", "live", "_csrf", attacker.csrf()));

    assertThat(forged.status()).isEqualTo(403);
  }

  @Test
  void anotherAccountsKeyIsNotFoundAndCannotBeRevoked() {
    var owner = signedUp();
    owner.get("/dashboard/keys");
    var created = owner.post("/dashboard/keys", Map.of("name", "mine", "mode", "live"));
    String secret = between(created.text(), "id=\"new-key\">", "<");
    String keyId = between(created.text(), "data-key-id=\"", "\"");
    var stranger = signedUp();
    stranger.get("/dashboard/keys");

    var page = stranger.get("/dashboard/keys/" + keyId);
    var revoke = stranger.post("/dashboard/keys/" + keyId + "/revoke", Map.of());
    var missing = stranger.get("/dashboard/keys/key_doesnotexist000000");

    assertThat(page.status()).isEqualTo(404);
    assertThat(revoke.status()).isEqualTo(404);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(page.text()).isEqualTo(missing.text().replace("key_doesnotexist000000", keyId));
    assertThat(api().get(secret, "/api/v1/account").status()).isEqualTo(200);
    assertThat(owner.get("/dashboard/keys/" + keyId).status()).isEqualTo(200);
  }

  @Test
  void signingInGivesANewSessionIdAndAPlantedOneIsWorthNothing() {
    String email = email();
    browser().signUp(email, PASSWORD);
    var browser = browser();
    browser.get("/login");
    String planted = "ses_" + "A".repeat(43);
    browser.cookies().put("sd_session", planted);

    assertThat(browser.post("/login", Map.of("email", email, "password", PASSWORD)).status())
        .isEqualTo(302);
    String first = browser.cookies().get("sd_session");
    // Signing in again from a signed-in page (its form carries the session's CSRF token).
    browser.get("/dashboard/keys");
    assertThat(browser.post("/login", Map.of("email", email, "password", PASSWORD)).status())
        .isEqualTo(302);
    String second = browser.cookies().get("sd_session");

    assertThat(first).isNotEqualTo(planted);
    assertThat(second).isNotEqualTo(first);
    var withPlanted = browser();
    withPlanted.cookies().put("sd_session", planted);
    assertThat(withPlanted.get("/dashboard").status()).isEqualTo(303);
    var withFirst = browser();
    withFirst.cookies().put("sd_session", first);
    assertThat(withFirst.get("/dashboard").status()).isEqualTo(303);
    assertThat(browser.get("/dashboard").status()).isEqualTo(200);
  }

  @Test
  void tenWrongPasswordsThrottleTheEmailEvenForTheRightPasswordUntilTheWindowPasses() {
    String email = email();
    browser().signUp(email, PASSWORD);
    var browser = browser();
    for (int i = 0; i < 10; i++) {
      assertThat(browser.signIn(email, "wrong password " + i).status()).isEqualTo(401);
    }

    var throttled = browser.signIn(email, PASSWORD);
    var otherAccount = browser().signUp(email(), PASSWORD);

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.text()).contains("Too many failed attempts");
    assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 15 * 60L);
    assertThat(browser.cookies()).doesNotContainKey("sd_session");
    assertThat(otherAccount.status()).isEqualTo(302);
    clock.advance(Duration.ofMinutes(16));
    assertThat(browser.signIn(email, PASSWORD).status()).isEqualTo(302);
  }

  @Test
  void theApiGetsNoCookiesAndNeedsNoCsrfToken() {
    var customer = api().newCustomer(100);

    var account = api().get(customer.key(), "/api/v1/account");
    var submit =
        api()
            .submit(
                customer.key(),
                "csrf-free-" + UUID.randomUUID(),
                "{\"prompt\":\"a fox in the snow\"}");
    var health = api().send("GET", "/actuator/health", Map.of(), null);
    var unknownAdmin = api().send("GET", "/admin/v1/accounts/acct_x", Map.of(), null);

    assertThat(account.status()).isEqualTo(200);
    assertThat(submit.status()).isEqualTo(202);
    assertThat(health.status()).isEqualTo(200);
    assertThat(unknownAdmin.status()).isEqualTo(401);
    assertThat(unknownAdmin.errorCode()).isEqualTo("unauthorized");
    assertThat(account.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(submit.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(unknownAdmin.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void theLanguageFollowsAcceptLanguageAndTheSwitchSticks() {
    var turkish =
        api().send("GET", "/login", Map.of("Accept-Language", "tr-TR,tr;q=0.9,en;q=0.5"), null);
    var german = api().send("GET", "/login", Map.of("Accept-Language", "de-DE"), null);
    var browser = browser();
    browser.get("/login?lang=tr");
    var after = browser.get("/signup");

    assertThat(turkish.text()).contains("lang=\"tr\"").contains("Giriş yap");
    assertThat(german.text()).contains("lang=\"en\"").contains("Sign in");
    assertThat(after.text()).contains("Hesabınızı oluşturun");
  }

  @Test
  void aKeyNameIsShownAsTextNeverAsMarkup() {
    var browser = signedUp();
    browser.get("/dashboard/keys");

    var created =
        browser.post(
            "/dashboard/keys", Map.of("name", "<script>alert(1)</script>", "mode", "test"));

    assertThat(created.status()).isEqualTo(200);
    assertThat(created.text())
        .doesNotContain("<script>alert(1)</script>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(between(created.text(), "id=\"new-key\">", "<")).startsWith("sk_test_");
  }

  @Test
  void afterSignInTheBrowserGoesWhereItWantedButNeverToAnotherSite() {
    String email = email();
    browser().signUp(email, PASSWORD);
    var browser = browser();
    var sent = browser.get("/dashboard/keys?x=1");
    assertThat(sent.header("Location")).isEqualTo("/login?next=%2Fdashboard%2Fkeys%3Fx%3D1");
    browser.get(sent.header("Location"));

    var back =
        browser.post(
            "/login", Map.of("email", email, "password", PASSWORD, "next", "/dashboard/keys?x=1"));
    var other = browser();
    other.get("/login");
    var elsewhere =
        other.post(
            "/login", Map.of("email", email, "password", PASSWORD, "next", "//evil.example/x"));

    assertThat(back.header("Location")).endsWith("/dashboard/keys?x=1");
    assertThat(elsewhere.header("Location")).endsWith("/dashboard").doesNotContain("evil");
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    assertThat(from).as("page contains " + start).isNotNegative();
    from += start.length();
    return text.substring(from, text.indexOf(end, from));
  }
}
