package seedance.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import seedance.credit.CreditLedger;
import seedance.credit.Wallet;
import seedance.team.Teams;
import seedance.testing.Api;
import seedance.testing.ApiTest;
import seedance.testing.FakeStripe;
import seedance.web.ApiException;
import seedance.web.ErrorCode;

/**
 * The webhook is the only way paid credits arrive: a verified {@code checkout.session.completed}
 * grants the pack once, whatever Stripe retries, replays or delivers twice at the same moment; a
 * bad, stale or forged signature is a 400 that grants nothing.
 */
class StripeWebhookTest extends ApiTest {

  static final FakeStripe STRIPE = new FakeStripe();

  @DynamicPropertySource
  static void stripe(DynamicPropertyRegistry registry) {
    registry.add("seedance.billing.stripe-secret-key", () -> FakeStripe.SECRET_KEY);
    registry.add("seedance.billing.stripe-webhook-secret", () -> FakeStripe.WEBHOOK_SECRET);
    registry.add("seedance.billing.stripe-api-base", STRIPE::base);
  }

  @AfterAll
  static void stop() {
    STRIPE.close();
  }

  @Autowired Checkouts checkouts;
  @Autowired CreditLedger ledger;
  @Autowired Teams teams;
  @Autowired JdbcClient jdbc;

  String accountId;

  @BeforeEach
  void setUp() {
    STRIPE.webhookUrl(api().base() + "/webhooks/stripe");
    accountId = api().createAccount("buyer-" + UUID.randomUUID() + "@example.com", 0);
  }

  /** Starts a checkout of the 500-credit starter pack and returns the fake's session id. */
  String checkout() {
    String url = checkouts.start(accountId, accountId, "starter", api().base());
    assertThat(url).startsWith(STRIPE.base() + "/pay/cs_test_");
    return url.substring(url.lastIndexOf('/') + 1);
  }

  long balance() {
    return api()
        .admin("GET", "/admin/v1/accounts/" + accountId, null)
        .json()
        .path("balance")
        .asLong();
  }

  @Test
  void paidCheckoutGrantsThePackOnceAndReplaysChangeNothing() {
    String sessionId = checkout();
    var session = STRIPE.session(sessionId);
    assertThat(session.amount()).isEqualTo(1000);
    assertThat(session.currency()).isEqualTo("usd");
    assertThat(session.form).containsEntry("client_reference_id", accountId);
    assertThat(STRIPE.authorizations()).contains("Bearer " + FakeStripe.SECRET_KEY);
    assertThat(balance()).isZero();

    var first = STRIPE.pay(sessionId);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body()).contains("granted");
    assertThat(balance()).isEqualTo(500);

    // Stripe's retry: the same event re-signed with a later timestamp; and a byte-for-byte replay.
    var retry = STRIPE.deliver(first.payload());
    var replay = STRIPE.send(first.payload(), first.signature());
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.body()).contains("duplicate");
    assertThat(replay.status()).isEqualTo(200);
    assertThat(balance()).isEqualTo(500);

    var topups = ledger.entries(accountId, 10);
    assertThat(topups).hasSize(1);
    assertThat(topups.getFirst().kind()).isEqualTo("topup");
    assertThat(topups.getFirst().reference()).isEqualTo("stripe:" + sessionId);
  }

  @Test
  void aSecondEventForTheSameSessionDoesNotPayTwice() {
    String sessionId = checkout();
    STRIPE.pay(sessionId);
    var other =
        STRIPE.deliver(
            STRIPE.event(
                "checkout.session.async_payment_succeeded",
                STRIPE.sessionJson(STRIPE.session(sessionId))));
    assertThat(other.status()).isEqualTo(200);
    assertThat(other.body()).contains("already_paid");
    assertThat(balance()).isEqualTo(500);
  }

  @Test
  void badSignaturesAre400AndGrantNothing() {
    String sessionId = checkout();
    var session = STRIPE.session(sessionId);
    session.paymentStatus = "paid";
    String payload = STRIPE.event("checkout.session.completed", STRIPE.sessionJson(session));
    long now = System.currentTimeMillis() / 1000;

    var wrongSecret = STRIPE.send(payload, FakeStripe.signature(payload, now, "whsec_other"));
    var stale =
        STRIPE.send(payload, FakeStripe.signature(payload, now - 600, FakeStripe.WEBHOOK_SECRET));
    var tampered =
        STRIPE.send(
            payload.replace("\"amount_total\":1000", "\"amount_total\":100000"),
            FakeStripe.signature(payload, now, FakeStripe.WEBHOOK_SECRET));
    var missing =
        api()
            .send(
                "POST",
                "/webhooks/stripe",
                java.util.Map.of("Content-Type", "application/json"),
                payload);
    for (var d : java.util.List.of(wrongSecret, stale, tampered)) {
      assertThat(d.status()).isEqualTo(400);
      assertThat(Api.JSON.readTree(d.body()).path("error").path("code").asString())
          .isEqualTo("invalid_request");
      assertThat(d.body()).doesNotContain("Exception");
    }
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorCode()).isEqualTo("invalid_request");
    assertThat(balance()).isZero();

    // The refused attempts burned nothing: the genuine delivery still grants.
    assertThat(STRIPE.deliver(payload).status()).isEqualTo(200);
    assertThat(balance()).isEqualTo(500);
  }

  @Test
  void concurrentDeliveriesOfOneEventGrantOnce() throws Exception {
    String sessionId = checkout();
    var session = STRIPE.session(sessionId);
    session.paymentStatus = "paid";
    String payload = STRIPE.event("checkout.session.completed", STRIPE.sessionJson(session));
    int threads = 8;
    var barrier = new CyclicBarrier(threads);
    var calls = new ArrayList<Callable<FakeStripe.Delivery>>();
    for (int i = 0; i < threads; i++) {
      calls.add(
          () -> {
            barrier.await();
            return STRIPE.deliver(payload);
          });
    }
    try (var pool = Executors.newFixedThreadPool(threads)) {
      var results = pool.invokeAll(calls);
      int granted = 0;
      for (var r : results) {
        var delivery = r.get();
        // A delivery that lost a lock wait may be told to retry (503); none may fail otherwise.
        assertThat(delivery.status()).isIn(200, 503);
        if (delivery.body().contains("granted")) {
          granted++;
        }
      }
      assertThat(granted).isEqualTo(1);
    }
    assertThat(balance()).isEqualTo(500);
    assertThat(ledger.entries(accountId, 10)).hasSize(1);
  }

  @Test
  void unpaidCompletionWaitsForTheAsyncPayment() {
    String sessionId = checkout();
    var session = STRIPE.session(sessionId);
    var completed =
        STRIPE.deliver(STRIPE.event("checkout.session.completed", STRIPE.sessionJson(session)));
    assertThat(completed.body()).contains("unpaid");
    assertThat(balance()).isZero();

    session.paymentStatus = "paid";
    var succeeded =
        STRIPE.deliver(
            STRIPE.event("checkout.session.async_payment_succeeded", STRIPE.sessionJson(session)));
    assertThat(succeeded.body()).contains("granted");
    assertThat(balance()).isEqualTo(500);
  }

  @Test
  void sessionsWeDidNotCreateAndOtherEventsAreAcknowledgedWithoutCredits() {
    String sessionId = checkout();
    var session = STRIPE.session(sessionId);
    session.paymentStatus = "paid";
    var foreign = STRIPE.sessionJson(session).put("id", "cs_test_not_ours");
    assertThat(STRIPE.deliver(STRIPE.event("checkout.session.completed", foreign)).body())
        .contains("unknown_session");
    var wrongAmount = STRIPE.sessionJson(session).put("amount_total", 1);
    assertThat(STRIPE.deliver(STRIPE.event("checkout.session.completed", wrongAmount)).body())
        .contains("amount_mismatch");
    assertThat(STRIPE.deliver(STRIPE.event("customer.created", STRIPE.sessionJson(session))).body())
        .contains("ignored");
    assertThat(balance()).isZero();
  }

  @Test
  void aPackBoughtForTheTeamLandsInThePoolOnly() {
    var team = teams.create(accountId, "Buyers");
    String url = checkouts.start(accountId, team.id(), "creator", api().base());
    String sessionId = url.substring(url.lastIndexOf('/') + 1);
    assertThat(STRIPE.pay(sessionId).body()).contains("granted");
    assertThat(ledger.balance(Wallet.live(team.id()))).isEqualTo(2750);
    assertThat(balance()).isZero();
  }

  @Test
  void whenStripeIsDownACheckoutIsRefusedAndLeavesNothingBehind() {
    STRIPE.failCreates(true);
    try {
      assertThatThrownBy(() -> checkouts.start(accountId, accountId, "starter", api().base()))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_BUSY));
    } finally {
      STRIPE.failCreates(false);
    }
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM checkout_sessions WHERE account_id = :a")
                .param("a", accountId)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(balance()).isZero();
    assertThatThrownBy(() -> checkouts.start(accountId, accountId, "nope", api().base()))
        .isInstanceOf(ApiException.class);
  }
}
