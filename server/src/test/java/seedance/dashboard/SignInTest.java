package seedance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import seedance.testing.ApiTest;
import seedance.testing.PageClient;

/** Sign-up, sign-in and sign-out over plain HTTP: cookies, redirects and what the pages say. */
class SignInTest extends ApiTest {

  private PageClient browser() {
    return new PageClient("http://127.0.0.1:" + port);
  }

  private static String email() {
    return "p" + UUID.randomUUID() + "@example.com";
  }

  @Test
  void aNewUserSignsUpAndLandsOnTheOverviewWithAnEmptyBalance() {
    var browser = browser();
    String email = email();

    var signedUp = browser.signUp(email, "correct horse battery");

    assertThat(signedUp.status()).isEqualTo(302);
    assertThat(signedUp.header("Location")).endsWith("/dashboard");
    String cookie =
        signedUp.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("sd_session="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
    var overview = browser.get("/dashboard");
    assertThat(overview.status()).isEqualTo(200);
    assertThat(overview.text()).contains(email).contains("id=\"balance\">0<");
    // The container's own HttpSession is never used: sessions are the database's.
    assertThat(browser.cookies()).containsOnlyKeys("sd_session", "sd_csrf");
  }

  @Test
  void pagesOfTheDashboardSendStrangersToSignIn() {
    var response = browser().get("/dashboard/keys");

    assertThat(response.status()).isEqualTo(303);
    assertThat(response.header("Location")).isEqualTo("/login?next=%2Fdashboard%2Fkeys");
  }

  @Test
  void anUnknownDashboardPathIsAnHtmlNotFoundPageAndAnUnknownApiPathStaysJson() {
    var browser = browser();
    browser.signUp(email(), "correct horse battery");

    var page = browser.get("/dashboard/nothing-here");
    var api = browser.get("/api/v1/nothing-here");

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.text()).contains("Not found");
    assertThat(api.status()).isEqualTo(401);
    assertThat(api.header("Content-Type")).startsWith("application/json");
  }

  @Test
  void aTakenEmailAndAShortPasswordAreRefusedWithAReadableMessage() {
    var browser = browser();
    String email = email();
    browser.signUp(email, "correct horse battery");

    var taken = browser().signUp(email, "another long password");
    var shortPassword = browser().signUp(email(), "short");

    assertThat(taken.status()).isEqualTo(400);
    assertThat(taken.text()).contains("An account with this email already exists");
    assertThat(shortPassword.status()).isEqualTo(400);
    assertThat(shortPassword.text()).contains("at least 8 characters");
  }

  @Test
  void signingOutEndsTheSessionOnTheServer() {
    var browser = browser();
    browser.signUp(email(), "correct horse battery");
    String session = browser.cookies().get("sd_session");
    browser.get("/dashboard");

    var out = browser.post("/logout", Map.of());

    assertThat(out.status()).isEqualTo(302);
    var replay = browser();
    replay.cookies().put("sd_session", session);
    assertThat(replay.get("/dashboard").status()).isEqualTo(303);
  }

  @Test
  void anAccountMadeByTheOperatorSetsItsPasswordThroughTheLinkAndSignsIn() {
    String email = email();
    String accountId = api().createAccount(email, 50);

    var link = api().admin("POST", "/admin/v1/accounts/" + accountId + "/password-link", null);

    assertThat(link.status()).isEqualTo(201);
    String url = link.json().path("url").asString();
    assertThat(url).startsWith("http://127.0.0.1:" + port + "/set-password?token=");
    var browser = browser();
    String path = url.substring(url.indexOf("/set-password"));
    var form = browser.get(path);
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.text()).contains(email);
    String token = path.substring(path.indexOf('=') + 1);
    var set = browser.post("/set-password", Map.of("token", token, "password", "operator made me"));
    assertThat(set.status()).isEqualTo(302);
    assertThat(browser.get("/dashboard").text()).contains("id=\"balance\">50<");
    // The link works once.
    assertThat(browser().get(path).status()).isEqualTo(410);
    var again = browser();
    assertThat(again.signIn(email, "operator made me").status()).isEqualTo(302);
    var missing = api().admin("POST", "/admin/v1/accounts/acct_missing/password-link", null);
    var noToken =
        api()
            .send(
                "POST",
                "/admin/v1/accounts/" + accountId + "/password-link",
                java.util.Map.of(),
                null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("not_found");
    assertThat(noToken.status()).isEqualTo(401);
  }
}
