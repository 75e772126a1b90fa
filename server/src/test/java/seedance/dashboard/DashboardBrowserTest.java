package seedance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import seedance.testing.BrowserTest;

/** The dashboard in a real browser: what a user does and sees, with screenshots of each page. */
class DashboardBrowserTest extends BrowserTest {

  @Test
  void aNewUserCreatesAKeySeesItOnceUsesItAndRevokesIt() {
    open("/signup");
    screenshot("signup");
    String email = signUp();
    assertThat(find("#balance").getText()).isEqualTo("0");
    assertThat(find("#sandbox-balance").getText()).contains("1,000").contains("sk_test_");
    screenshot("overview-new");

    clickAndLoad(".main-nav a[href='/dashboard/keys']");
    screenshot("keys-empty");
    type("#key-name", "laptop");
    clickAndLoad("#create-key");

    String secret = find("#new-key").getText();
    assertThat(secret).matches("sk_live_[0-9A-Za-z]{42}");
    assertThat(find("#created-key").getText()).contains("It is shown only this once");
    screenshot("key-created");
    find("#copy-key").click();
    await(d -> find("#copy-key").getText().equals("Copied"));

    var me = api().get(secret, "/api/v1/account");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().path("email").asString()).isEqualTo(email);

    open("/dashboard/keys");
    assertThat(browser().getPageSource()).doesNotContain(secret);
    String row = find("table.keys tbody tr").getText();
    assertThat(row)
        .contains("laptop")
        .contains(secret.substring(0, 12) + "…" + secret.substring(secret.length() - 4))
        .doesNotContain("Never");
    screenshot("keys");

    clickAndLoad("table.keys a.danger");
    assertThat(currentPath()).startsWith("/dashboard/keys/key_");
    screenshot("key-revoke");
    clickAndLoad("#confirm-revoke");
    await(d -> currentPath().startsWith("/dashboard/keys?revoked="));
    assertThat(exists("table.keys tr.revoked")).isTrue();
    assertThat(api().get(secret, "/api/v1/account").status()).isEqualTo(401);
  }

  @Test
  void theOverviewShowsTheBalanceTheDailyUsageAndAPagedLedger() {
    signUp();
    open("/dashboard/keys");
    type("#key-name", "ci");
    clickAndLoad("#create-key");
    String secret = find("#new-key").getText();
    String accountId = api().get(secret, "/api/v1/account").json().path("id").asString();
    grant(accountId, 500, "welcome-" + accountId);
    var submitted =
        api()
            .submit(secret, UUID.randomUUID().toString(), "{\"prompt\":\"a fox running in snow\"}");
    assertThat(submitted.status()).isEqualTo(202);
    String taskId = submitted.json().path("id").asString();

    open("/dashboard");

    assertThat(find("#balance").getText()).isEqualTo("470");
    assertThat(find("table.ledger tbody").getText()).contains("Top-up").contains("+500");
    var charge = find("table.ledger tbody tr.kind-charge");
    assertThat(charge.getText()).contains("Charge").contains("-30").contains(taskId);
    assertThat(charge.findElement(By.tagName("a")).getAttribute("href"))
        .endsWith("/dashboard/tasks/" + taskId);
    assertThat(browser().findElements(By.cssSelector("svg.chart rect.bar[height='116.0']")))
        .hasSize(1);
    screenshot("overview");

    for (int i = 0; i < 20; i++) {
      grant(accountId, 1, "small-" + i + "-" + accountId);
    }
    open("/dashboard");
    assertThat(browser().findElements(By.cssSelector("table.ledger tbody tr"))).hasSize(20);
    clickAndLoad(".pager a");
    assertThat(currentPath()).isEqualTo("/dashboard?page=2");
    assertThat(browser().findElements(By.cssSelector("table.ledger tbody tr"))).hasSize(2);
    assertThat(find("table.ledger tbody").getText()).contains("+500");
  }

  @Test
  void theSwitcherTurnsTheDashboardTurkishAndItStaysSo() {
    signUp();

    clickAndLoad(".lang a[hreflang='tr']");

    assertThat(find("html").getAttribute("lang")).isEqualTo("tr");
    assertThat(find(".main-nav").getText()).contains("Genel bakış").contains("Anahtarlar");
    assertThat(find("h1").getText()).isEqualTo("Genel bakış");
    screenshot("overview-tr");
    open("/dashboard/keys");
    assertThat(find("h1").getText()).isEqualTo("API anahtarları");
    type("#key-name", "dizüstü");
    clickAndLoad("#create-key");
    assertThat(find("#created-key").getText()).contains("Yalnızca bu kez gösterilir");
    screenshot("key-created-tr");
    clickAndLoad(".lang a[hreflang='en']");
    assertThat(find("h1").getText()).isEqualTo("API keys");
  }

  @Test
  void anAccountMadeByTheOperatorSignsInThroughItsLinkAndSeesItsCredits() {
    var customer = signInAsNewCustomer(120);

    assertThat(find("#balance").getText()).isEqualTo("120");
    assertThat(find("table.ledger tbody").getText()).contains("Top-up").contains("+120");
    assertThat(api().balance(customer.key())).isEqualTo(120);
  }

  @Test
  void wrongPasswordsAndStrangePagesGetClearMessages() {
    String email = signUp();
    open("/dashboard/keys/key_doesnotexist");
    assertThat(find("h1").getText()).isEqualTo("Not found");
    screenshot("not-found");
    clickAndLoad("header form button");
    await(d -> currentPath().startsWith("/login"));

    signIn(email, "not my password");

    assertThat(find(".alert.error").getText()).isEqualTo("Wrong email or password.");
    screenshot("login-wrong");
    signIn(email, "password123");
    await(d -> currentPath().equals("/dashboard"));
  }

  @Test
  void theOperatorSignsInWithTheAdminTokenGrantsCreditsAndRevokesAKey() {
    var customer = api().newCustomer(0);
    String email =
        api()
            .admin("GET", "/admin/v1/accounts/" + customer.accountId(), null)
            .json()
            .path("email")
            .asString();

    open("/admin");
    assertThat(currentPath()).startsWith("/admin/login");
    screenshot("admin-login");
    type("#token", "wrong token");
    clickAndLoad("form.card button");
    assertThat(find(".alert.error").getText()).isEqualTo("Wrong admin token.");
    type("#token", ADMIN_TOKEN);
    clickAndLoad("form.card button");
    await(d -> currentPath().startsWith("/admin/accounts"));

    type("#q", email.substring(0, 12));
    clickAndLoad("form.card button");
    clickAndLoad("table a[href='/admin/accounts/" + customer.accountId() + "']");
    type("#amount", "250");
    clickAndLoad("form[action$='/credits'] button");
    await(d -> currentPath().contains("granted=250"));
    assertThat(find("#balance").getText()).isEqualTo("250");
    assertThat(api().balance(customer.key())).isEqualTo(250);

    clickAndLoad("form[action$='/password-link'] button");
    assertThat(find("#password-link").getText()).contains("/set-password?token=spw_");
    screenshot("admin-account");

    find("form[action$='/revoke'] button").click();
    browser().switchTo().alert().accept();
    await(d -> exists("tr.revoked"));
    assertThat(api().get(customer.key(), "/api/v1/account").status()).isEqualTo(401);
  }

  private void grant(String accountId, long amount, String reference) {
    var r =
        api()
            .admin(
                "POST",
                "/admin/v1/accounts/" + accountId + "/credits",
                "{\"amount\":" + amount + ",\"reference\":\"" + reference + "\"}");
    assertThat(r.status()).isEqualTo(200);
  }
}
