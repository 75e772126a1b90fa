package seedance.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import seedance.testing.Api;
import seedance.testing.Deployment;
import seedance.testing.ServerProcess;
import seedance.testing.Tasks;

/**
 * kill -9 the server while it accepts and renders tasks, start it again, and check what a user and
 * an accountant would: every acknowledged task exists and ends, failed tasks are refunded exactly
 * once, completed ones never, and the balance equals the ledger.
 */
class CrashRecoveryIT {

  private static final String ADMIN = "crash-admin-token";

  @Test
  void killNineDuringWorkLosesNothingAndChargesNothingTwice() throws Exception {
    // Short leases so the restarted server takes over the dead one's tasks quickly.
    var deployment =
        Deployment.create(
            ADMIN, Map.of("SEEDANCE_WORKER_LEASE", "4s", "SEEDANCE_WORKER_HEARTBEAT", "1s"));
    var env = deployment.env();
    String jdbcUrl = deployment.jdbcUrl();

    var acknowledged = new ArrayList<String>();
    String key;
    String accountId;
    try (var server = new ServerProcess(env, Files.createTempFile("crash-1-", ".log"))) {
      server.start();
      var api = new Api(server.base(), ADMIN);
      var customer = api.newCustomer(1_000);
      key = customer.key();
      accountId = customer.accountId();
      for (int i = 0; i < 10; i++) {
        var headers =
            new HashMap<>(
                Map.of(
                    "Authorization", "Bearer " + key,
                    "Content-Type", "application/json",
                    "Idempotency-Key", "crash-" + i));
        if (i % 3 == 0) {
          headers.put("X-Sandbox-Outcome", "failed");
        }
        var accepted =
            api.send(
                "POST",
                "/api/v1/video/seedance2",
                headers,
                "{\"prompt\":\"crash test " + i + "\",\"duration\":\"4\"}");
        assertThat(accepted.status()).isEqualTo(202);
        acknowledged.add(accepted.json().path("id").asString());
      }
      Thread.sleep(1_500); // some tasks are mid-render now
      server.kill9();
    }

    try (var server = new ServerProcess(env, Files.createTempFile("crash-2-", ".log"))) {
      server.start();
      var api = new Api(server.base(), ADMIN);
      // Watch the database rather than poll the API, which allows 30 reads a minute.
      awaitAllEnded(jdbcUrl, acknowledged, Duration.ofSeconds(120));
      long completed = 0;
      for (String id : acknowledged) {
        var task = Tasks.awaitEnd(api, key, id, Duration.ofSeconds(5));
        String status = task.path("status").asString();
        assertThat(status).isIn("completed", "failed");
        if (status.equals("completed")) {
          completed++;
          assertThat(task.path("credits_refunded").asLong()).isZero();
        } else {
          assertThat(task.path("credits_refunded").asLong())
              .isEqualTo(task.path("credits_used").asLong());
        }
      }
      assertThat(completed).isEqualTo(6);
      assertThat(api.balance(key)).isEqualTo(1_000 - 6 * 24);
    }

    try (var db = DriverManager.getConnection(jdbcUrl)) {
      assertThat(
              single(
                  db,
                  "SELECT COUNT(*) FROM ledger_entries WHERE account_id = '"
                      + accountId
                      + "' AND kind = 'charge'"))
          .isEqualTo(10);
      assertThat(
              single(
                  db,
                  "SELECT COUNT(*) FROM ledger_entries WHERE account_id = '"
                      + accountId
                      + "' AND kind = 'refund'"))
          .isEqualTo(4);
      assertThat(
              single(
                  db,
                  "SELECT SUM(amount) FROM ledger_entries WHERE account_id = '"
                      + accountId
                      + "' AND book = 'live'"))
          .isEqualTo(
              single(
                  db,
                  "SELECT balance FROM credit_balances WHERE account_id = '"
                      + accountId
                      + "' AND book = 'live'"));
    }
  }

  @Test
  void sigtermHandsRunningTasksBackSoTheNextServerFinishesThemWithoutWaitingForTheLease()
      throws Exception {
    // A lease far longer than the test: only a lease handed back lets the next server start at
    // once.
    var deployment = Deployment.create(ADMIN, Map.of("SEEDANCE_WORKER_LEASE", "300s"));
    var env = deployment.env();
    String jdbcUrl = deployment.jdbcUrl();
    var acknowledged = new ArrayList<String>();
    String key;
    try (var server = new ServerProcess(env, Files.createTempFile("term-1-", ".log"))) {
      server.start();
      var api = new Api(server.base(), ADMIN);
      key = api.newCustomer(2_000).key();
      for (int i = 0; i < 2; i++) {
        // 15 s of 4k takes longer to render than the 20 s shutdown grace on 2 cores.
        var accepted =
            api.submit(
                key,
                "term-" + i,
                "{\"prompt\":\"a slow sunrise\",\"quality_tier\":\"pro\",\"resolution\":\"4k\",\"duration\":\"15\"}");
        assertThat(accepted.status()).isEqualTo(202);
        acknowledged.add(accepted.json().path("id").asString());
      }
      Thread.sleep(1_500);
      assertThat(server.terminate()).isLessThan(Duration.ofSeconds(30));
    }

    try (var server = new ServerProcess(env, Files.createTempFile("term-2-", ".log"))) {
      server.start();
      awaitAllEnded(jdbcUrl, acknowledged, Duration.ofSeconds(200));
      var api = new Api(server.base(), ADMIN);
      for (String id : acknowledged) {
        assertThat(Tasks.awaitEnd(api, key, id, Duration.ofSeconds(5)).path("status").asString())
            .isEqualTo("completed");
      }
    }
  }

  private static void awaitAllEnded(String jdbcUrl, List<String> ids, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String in = "'" + String.join("','", ids) + "'";
    while (true) {
      try (var db = DriverManager.getConnection(jdbcUrl)) {
        if (single(
                db, "SELECT COUNT(*) FROM tasks WHERE status = 'processing' AND id IN (" + in + ")")
            == 0) {
          return;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("tasks still processing after " + timeout);
      }
      Thread.sleep(500);
    }
  }

  private static long single(java.sql.Connection db, String sql) throws java.sql.SQLException {
    try (var rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
