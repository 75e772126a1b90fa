package seedance.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import seedance.testing.BrowserTest;
import seedance.testing.FakeStripe;

/**
 * Pricing, top-up and teams in a real browser, paying through the local fake Stripe: a pack bought
 * on the hosted page raises the balance once, a replayed webhook changes nothing, and a teammate
 * invited by link signs up, joins and receives credits from the team pool.
 */
class MoneyBrowserTest extends BrowserTest {

  static final FakeStripe STRIPE = new FakeStripe();

  @DynamicPropertySource
  static void stripe(DynamicPropertyRegistry registry) {
    registry.add("seedance.billing.stripe-secret-key", () -> FakeStripe.SECRET_KEY);
    registry.add("seedance.billing.stripe-webhook-secret", () -> FakeStripe.WEBHOOK_SECRET);
    registry.add("seedance.billing.stripe-api-base", STRIPE::base);
  }

  @AfterAll
  static void stopStripe() {
    STRIPE.close();
  }

  @BeforeEach
  void webhookTarget() {
    STRIPE.webhookUrl(base() + "/webhooks/stripe");
  }

  @Test
  void buyAPackAndSeeTheBalanceRiseOnceEvenAfterAReplayedWebhook() {
    open("/pricing");
    assertThat(find("[data-pack=starter] .pack-price").getText()).isEqualTo("$10.00");
    assertThat(find("#rates").getText()).contains("Standard");
    screenshot("pricing");

    signUp();
    open("/dashboard/billing");
    assertThat(find("#balance").getText()).isEqualTo("0");
    screenshot("billing");

    buyStarterPack();
    assertThat(find("#checkout-success").getText()).contains("500");
    assertThat(find("#balance").getText()).isEqualTo("500");
    screenshot("billing-paid");

    // Stripe delivers the same event again: once byte for byte, once re-signed later.
    var delivery = STRIPE.deliveries().getLast();
    assertThat(STRIPE.send(delivery.payload(), delivery.signature()).status()).isEqualTo(200);
    assertThat(STRIPE.deliver(delivery.payload()).body()).contains("duplicate");
    browser().navigate().refresh();
    assertThat(find("#balance").getText()).isEqualTo("500");
    assertThat(browser().findElements(By.cssSelector("table.purchases tbody tr"))).hasSize(1);

    open("/dashboard/billing?lang=tr");
    assertThat(find("h1").getText()).isEqualTo("Ödeme");
    screenshot("billing-tr");
    open("/pricing");
    assertThat(find("h1").getText()).isEqualTo("Fiyatlar");
    screenshot("pricing-tr");
    open("/pricing?lang=en");
  }

  @Test
  void inviteATeammateWhoSignsUpThroughTheLinkJoinsAndGetsPoolCredits() {
    String owner = signUp();
    open("/dashboard/billing");
    buyStarterPack();

    open("/dashboard/team");
    screenshot("team-none");
    type("#team-name", "Studio Kedi");
    find("#create-team-button").click();
    await(d -> currentPath().startsWith("/dashboard/team?created"));
    type("#fund-amount", "200");
    find("#fund-button").click();
    await(d -> currentPath().startsWith("/dashboard/team?funded"));
    assertThat(find("#pool").getText()).isEqualTo("200");
    assertThat(find("#balance").getText()).isEqualTo("300");

    String mate = "m" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    type("#invite-email", mate);
    find("#invite-button").click();
    String link = find("#invite-link").getText();
    assertThat(link).startsWith(base() + "/invite/");
    screenshot("team-invite-created");

    // The teammate, in a signed-out browser, opens the link and signs up with that address.
    browser().manage().deleteAllCookies();
    browser().get(link);
    assertThat(find("#invite-email").getText()).isEqualTo(mate);
    screenshot("invite");
    find("#invite-signup").click();
    assertThat(find("#email").getAttribute("value")).isEqualTo(mate);
    type("#password", "password123");
    find("form.card button[type=submit]").click();
    await(d -> currentPath().startsWith("/invite/"));
    find("#accept-invite").click();
    await(d -> currentPath().startsWith("/dashboard/team?joined"));
    assertThat(find("h1").getText()).isEqualTo("Studio Kedi");
    assertThat(find("#balance").getText()).isEqualTo("0");
    assertThat(exists("#fund-pool")).isFalse();
    assertThat(exists("#invite")).isFalse();
    screenshot("team-member");

    // The owner moves 50 credits from the pool to the new member.
    browser().manage().deleteAllCookies();
    signIn(owner, "password123");
    await(d -> currentPath().equals("/dashboard"));
    open("/dashboard/team");
    String row = "li[data-member='" + mate + "']";
    find(row + " input[name=amount]").sendKeys("50");
    find(row + " .give-button").click();
    await(d -> currentPath().startsWith("/dashboard/team?given"));
    assertThat(find("#pool").getText()).isEqualTo("150");
    screenshot("team-owner");

    browser().manage().deleteAllCookies();
    signIn(mate, "password123");
    await(d -> currentPath().equals("/dashboard"));
    open("/dashboard/team");
    assertThat(find("#balance").getText()).isEqualTo("50");
    assertThat(find("#pool").getText()).isEqualTo("150");
  }

  /** From the billing page: Buy on the starter pack, Pay on the fake Stripe page, back again. */
  private void buyStarterPack() {
    find("#buy-starter").click();
    await(d -> d.getCurrentUrl().startsWith(STRIPE.base() + "/pay/"));
    assertThat(find("#product").getText()).contains("Starter").contains("500");
    screenshot("fake-stripe-checkout");
    find("#pay").click();
    await(d -> currentPath().startsWith("/dashboard/billing?checkout=success"));
  }
}
