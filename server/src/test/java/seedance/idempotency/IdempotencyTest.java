package seedance.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import seedance.testing.Api;
import seedance.testing.ApiTest;

class IdempotencyTest extends ApiTest {

  private static final String BODY = "{\"prompt\":\"a lighthouse at dusk\",\"duration\":\"5\"}";

  @Test
  void aRetryWithTheSameKeyAndBodyReplaysTheFirstAnswerAndChargesOnce() {
    var customer = api().newCustomer(100);

    var first = api().submit(customer.key(), "retry-1", BODY);
    var second = api().submit(customer.key(), "retry-1", BODY);

    assertThat(first.status()).isEqualTo(202);
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(second.status()).isEqualTo(202);
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(second.text()).isEqualTo(first.text());
    assertThat(api().balance(customer.key())).isEqualTo(70);
  }

  @Test
  void keyOrderAndWhitespaceDoNotChangeTheFingerprintButAnotherValueDoes() {
    var customer = api().newCustomer(100);
    var first = api().submit(customer.key(), "same-meaning", BODY);

    var reordered =
        api()
            .submit(
                customer.key(),
                "same-meaning",
                "{ \"duration\" : \"5\",\n \"prompt\":\"a lighthouse at dusk\" }");
    var changed =
        api()
            .submit(
                customer.key(),
                "same-meaning",
                "{\"prompt\":\"a lighthouse at dusk\",\"duration\":\"6\"}");

    assertThat(reordered.status()).isEqualTo(202);
    assertThat(reordered.json().path("id").asString())
        .isEqualTo(first.json().path("id").asString());
    assertThat(changed.status()).isEqualTo(409);
    assertThat(changed.errorCode()).isEqualTo("idempotency_conflict");
    assertThat(api().balance(customer.key())).isEqualTo(70);
  }

  @Test
  void keysAreScopedToTheAccountNotToTheApiKey() {
    var customer = api().newCustomer(100);
    String secondKey = api().createKey(customer.accountId(), "second");
    var other = api().newCustomer(100);

    var first = api().submit(customer.key(), "shared-key", BODY);
    var sameAccount = api().submit(secondKey, "shared-key", BODY);
    var otherAccount = api().submit(other.key(), "shared-key", BODY);

    assertThat(sameAccount.json().path("id").asString())
        .isEqualTo(first.json().path("id").asString());
    assertThat(sameAccount.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(otherAccount.status()).isEqualTo(202);
    assertThat(otherAccount.header("Idempotent-Replayed")).isNull();
    assertThat(otherAccount.json().path("id").asString())
        .isNotEqualTo(first.json().path("id").asString());
    assertThat(api().balance(customer.key())).isEqualTo(70);
    assertThat(api().balance(other.key())).isEqualTo(70);
  }

  @Test
  void eightConcurrentRetriesOfOneKeyMakeOneTaskAndOneCharge() throws Exception {
    var customer = api().newCustomer(300);
    var barrier = new CyclicBarrier(8);
    var calls = new ArrayList<Callable<Api.Response>>();
    for (int i = 0; i < 8; i++) {
      calls.add(
          () -> {
            barrier.await();
            return api().submit(customer.key(), "burst", BODY);
          });
    }
    var ids = new HashSet<String>();
    try (var pool = Executors.newFixedThreadPool(8)) {
      for (var future : pool.invokeAll(calls)) {
        var response = future.get();
        assertThat(response.status()).isIn(202, 409);
        if (response.status() == 202) {
          ids.add(response.json().path("id").asString());
        } else {
          assertThat(response.errorCode()).isEqualTo("idempotency_conflict");
        }
      }
    }

    assertThat(ids).hasSize(1);
    assertThat(api().balance(customer.key())).isEqualTo(270);
    var task = api().get(customer.key(), "/api/v1/tasks/" + ids.iterator().next());
    assertThat(task.status()).isEqualTo(200);
  }

  @Test
  void aRequestRefusedForMissingCreditsLeavesTheKeyFreeForTheRetryAfterTopUp() {
    var customer = api().newCustomer(29);

    var refused = api().submit(customer.key(), "top-up-then-retry", BODY);
    assertThat(refused.status()).isEqualTo(402);
    assertThat(refused.errorCode()).isEqualTo("insufficient_credits");

    var topUp =
        api()
            .admin(
                "POST",
                "/admin/v1/accounts/" + customer.accountId() + "/credits",
                "{\"amount\":1,\"reference\":\"pay-" + customer.accountId() + "\"}");
    assertThat(topUp.status()).isEqualTo(200);

    var retried = api().submit(customer.key(), "top-up-then-retry", BODY);
    assertThat(retried.status()).isEqualTo(202);
    assertThat(retried.header("Idempotent-Replayed")).isNull();
    assertThat(api().balance(customer.key())).isZero();
  }

  @Test
  void keysAreKeptForADayAndAReusedExpiredKeyStartsANewTask() {
    var customer = api().newCustomer(100);
    var first = api().submit(customer.key(), "day-old", BODY);

    clock.advance(Duration.ofHours(23));
    var withinRetention = api().submit(customer.key(), "day-old", BODY);
    clock.advance(Duration.ofHours(2));
    var afterRetention = api().submit(customer.key(), "day-old", BODY);

    assertThat(withinRetention.json().path("id").asString())
        .isEqualTo(first.json().path("id").asString());
    assertThat(afterRetention.status()).isEqualTo(202);
    assertThat(afterRetention.header("Idempotent-Replayed")).isNull();
    assertThat(afterRetention.json().path("id").asString())
        .isNotEqualTo(first.json().path("id").asString());
    assertThat(api().balance(customer.key())).isEqualTo(40);
  }
}
