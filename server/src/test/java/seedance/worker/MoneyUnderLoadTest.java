package seedance.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import seedance.credit.Reconciliation;
import seedance.testing.Api;
import seedance.testing.ApiTest;
import seedance.testing.Tasks;

/**
 * Many clients at once submit jobs that succeed or fail, top up, and read their balance while the
 * worker finishes and refunds tasks: no read ever sees a negative balance, and afterwards every
 * account's money adds up and the reconciliation finds nothing.
 */
@TestPropertySource(properties = "seedance.worker.enabled=true")
class MoneyUnderLoadTest extends ApiTest {

  @Autowired Reconciliation reconciliation;
  @Autowired JdbcClient jdbc;

  @Test
  void concurrentSubmitsRefundsAndTopUpsKeepTheBooksBalanced() throws Exception {
    int accounts = 6;
    int threadsPerAccount = 3;
    int opsPerThread = 8; // 24 requests per account: under the rate limit
    var customers = new ArrayList<Api.Customer>();
    for (int i = 0; i < accounts; i++) {
      customers.add(api().newCustomer(120));
    }
    var accepted = new ConcurrentLinkedQueue<String[]>();
    var toppedUp = new AtomicLong[accounts];
    var negativeSeen = new AtomicLong();
    var calls = new ArrayList<Callable<Void>>();
    for (int a = 0; a < accounts; a++) {
      toppedUp[a] = new AtomicLong();
      for (int t = 0; t < threadsPerAccount; t++) {
        int account = a;
        long seed = a * 100L + t;
        calls.add(
            () -> {
              run(
                  customers.get(account),
                  account,
                  seed,
                  opsPerThread,
                  accepted,
                  toppedUp,
                  negativeSeen);
              return null;
            });
      }
    }
    try (var pool = Executors.newFixedThreadPool(accounts * threadsPerAccount)) {
      for (var future : pool.invokeAll(calls)) {
        future.get();
      }
    }

    // Wait on the database, not the API: the load used most of each account's 30 requests a minute.
    awaitNoneProcessing(Duration.ofSeconds(120));
    clock.advance(Duration.ofSeconds(61)); // a fresh rate-limit window for the reads below

    long[] completedCredits = new long[accounts];
    for (String[] task : accepted) {
      int account = Integer.parseInt(task[0]);
      var end =
          Tasks.awaitEnd(api(), customers.get(account).key(), task[1], Duration.ofSeconds(120));
      if (end.path("status").asString().equals("completed")) {
        completedCredits[account] += end.path("credits_used").asLong();
      } else {
        assertThat(end.path("credits_refunded").asLong())
            .isEqualTo(end.path("credits_used").asLong());
      }
    }
    assertThat(negativeSeen.get()).isZero();
    for (int a = 0; a < accounts; a++) {
      long expected = 120 + toppedUp[a].get() - completedCredits[a];
      assertThat(balanceOf(customers.get(a))).isEqualTo(expected);
    }
    assertThat(reconciliation.check()).isEmpty();
  }

  private void run(
      Api.Customer customer,
      int account,
      long seed,
      int ops,
      ConcurrentLinkedQueue<String[]> accepted,
      AtomicLong[] toppedUp,
      AtomicLong negativeSeen) {
    var random = new Random(seed);
    for (int i = 0; i < ops; i++) {
      int dice = random.nextInt(10);
      if (dice < 6) {
        var headers =
            new java.util.HashMap<>(
                Map.of(
                    "Authorization", "Bearer " + customer.key(),
                    "Content-Type", "application/json",
                    "Idempotency-Key", "load-" + seed + "-" + i));
        // Most fail on purpose, so refunds race with charges; a few really render.
        if (dice < 5) {
          headers.put("X-Sandbox-Outcome", "failed");
        }
        var response =
            api()
                .send(
                    "POST",
                    "/api/v1/video/seedance2",
                    headers,
                    "{\"prompt\":\"load test " + i + "\",\"duration\":\"4\"}");
        assertThat(response.status()).isIn(202, 402);
        if (response.status() == 202) {
          accepted.add(
              new String[] {Integer.toString(account), response.json().path("id").asString()});
        }
      } else if (dice < 8) {
        long amount = 1 + random.nextInt(40);
        var r =
            api()
                .admin(
                    "POST",
                    "/admin/v1/accounts/" + customer.accountId() + "/credits",
                    "{\"amount\":" + amount + ",\"reference\":\"load-" + seed + "-" + i + "\"}");
        assertThat(r.status()).isEqualTo(200);
        toppedUp[account].addAndGet(amount);
      } else {
        if (balanceOf(customer) < 0) {
          negativeSeen.incrementAndGet();
        }
      }
    }
  }

  private void awaitNoneProcessing(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (jdbc.sql("SELECT COUNT(*) FROM tasks WHERE status = 'processing'")
            .query(Long.class)
            .single()
        > 0) {
      assertThat(System.nanoTime()).as("tasks still processing").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private long balanceOf(Api.Customer customer) {
    return api().balance(customer.key());
  }
}
