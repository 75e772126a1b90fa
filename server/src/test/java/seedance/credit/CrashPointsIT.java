package seedance.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import seedance.testing.Api;
import seedance.testing.Deployment;
import seedance.testing.ServerProcess;

/**
 * T-IDEM-7 and T-LED-3: the server halts (as kill -9 would) at a named line of the submit or the
 * refund, starts again, and the user and the accountant find what they should: nothing half done,
 * nothing charged or refunded twice, and the retry with the same Idempotency-Key doing the right
 * thing.
 */
class CrashPointsIT {

  private static final String ADMIN = "crash-point-admin-token";
  private static final String BODY = "{\"prompt\":\"a kite over the dunes\",\"duration\":\"4\"}";
  private static final long PRICE = 24;

  @Test
  void aCrashBeforeTheSubmitCommitsLeavesNoChargeNoTaskAndAFreeKey() throws Exception {
    var deployment = armed("ledger.after_charge_before_commit", "false");
    String key;
    String accountId;
    try (var server = start(deployment)) {
      var customer = new Api(server.base(), ADMIN).newCustomer(100);
      key = customer.key();
      accountId = customer.accountId();
      assertThatThrownBy(() -> new Api(server.base(), ADMIN).submit(key, "crash-1", BODY))
          .isInstanceOf(RuntimeException.class);
      assertThat(server.awaitExit(Duration.ofSeconds(30))).isEqualTo(137);
    }
    assertThat(count(deployment, "SELECT COUNT(*) FROM tasks WHERE account_id = ?", accountId))
        .isZero();
    assertThat(
            count(
                deployment,
                "SELECT COUNT(*) FROM ledger_entries WHERE account_id = ? AND kind = 'charge'",
                accountId))
        .isZero();
    assertThat(
            count(
                deployment,
                "SELECT COUNT(*) FROM idempotency_keys WHERE account_id = ?",
                accountId))
        .isZero();

    try (var server = start(disarmed(deployment))) {
      var api = new Api(server.base(), ADMIN);
      assertThat(api.balance(key)).isEqualTo(100);
      assertThat(api.submit(key, "crash-1", BODY).status()).isEqualTo(202);
      assertThat(api.balance(key)).isEqualTo(100 - PRICE);
    }
    assertThat(count(deployment, "SELECT COUNT(*) FROM tasks WHERE account_id = ?", accountId))
        .isEqualTo(1);
  }

  @Test
  void aCrashAfterTheSubmitCommitsChargesOnceAndTheRetryGetsTheSameTask() throws Exception {
    var deployment = armed("submit.after_commit_before_response", "false");
    String key;
    String accountId;
    try (var server = start(deployment)) {
      var customer = new Api(server.base(), ADMIN).newCustomer(100);
      key = customer.key();
      accountId = customer.accountId();
      assertThatThrownBy(() -> new Api(server.base(), ADMIN).submit(key, "crash-2", BODY))
          .isInstanceOf(RuntimeException.class);
      assertThat(server.awaitExit(Duration.ofSeconds(30))).isEqualTo(137);
    }
    String committed = single(deployment, "SELECT id FROM tasks WHERE account_id = ?", accountId);

    try (var server = start(disarmed(deployment))) {
      var api = new Api(server.base(), ADMIN);
      var retry = api.submit(key, "crash-2", BODY);
      assertThat(retry.status()).isEqualTo(202);
      assertThat(retry.json().path("id").asString()).isEqualTo(committed);
      assertThat(api.balance(key)).isEqualTo(100 - PRICE);
    }
    assertThat(count(deployment, "SELECT COUNT(*) FROM tasks WHERE account_id = ?", accountId))
        .isEqualTo(1);
    assertThat(
            count(
                deployment,
                "SELECT COUNT(*) FROM ledger_entries WHERE account_id = ? AND kind = 'charge'",
                accountId))
        .isEqualTo(1);
  }

  @Test
  void aCrashInsideTheRefundIsRefundedExactlyOnceAfterTheRestart() throws Exception {
    var deployment =
        armed("refund.after_status_before_commit", "true")
            .with(Map.of("SEEDANCE_WORKER_LEASE", "3s", "SEEDANCE_WORKER_HEARTBEAT", "1s"));
    String key;
    String accountId;
    String taskId;
    try (var server = start(deployment)) {
      var api = new Api(server.base(), ADMIN);
      var customer = api.newCustomer(100);
      key = customer.key();
      accountId = customer.accountId();
      try {
        var accepted =
            api.send(
                "POST",
                "/api/v1/video/seedance2",
                Map.of(
                    "Authorization", "Bearer " + key,
                    "Content-Type", "application/json",
                    "Idempotency-Key", "crash-3",
                    "X-Sandbox-Outcome", "failed"),
                BODY);
        assertThat(accepted.status()).isEqualTo(202);
      } catch (java.io.UncheckedIOException e) {
        // The worker claims the task the moment it commits and may halt the process before the
        // 202 is written: the task is found in the database below either way.
      }
      // The worker fails the task and halts between the status change and the commit.
      assertThat(server.awaitExit(Duration.ofSeconds(60))).isEqualTo(137);
    }
    taskId = single(deployment, "SELECT id FROM tasks WHERE account_id = ?", accountId);
    assertThat(single(deployment, "SELECT status FROM tasks WHERE id = ?", taskId))
        .isEqualTo("processing");
    assertThat(
            count(
                deployment,
                "SELECT COUNT(*) FROM ledger_entries WHERE account_id = ? AND kind = 'refund'",
                accountId))
        .isZero();

    try (var server = start(disarmed(deployment))) {
      var api = new Api(server.base(), ADMIN);
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (single(deployment, "SELECT status FROM tasks WHERE id = ?", taskId)
          .equals("processing")) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(300);
      }
      assertThat(single(deployment, "SELECT status FROM tasks WHERE id = ?", taskId))
          .isEqualTo("failed");
      assertThat(api.balance(key)).isEqualTo(100);
    }
    assertThat(
            count(
                deployment,
                "SELECT COUNT(*) FROM ledger_entries WHERE account_id = ? AND kind = 'refund'",
                accountId))
        .isEqualTo(1);
  }

  private static Deployment armed(String crashPoint, String worker) {
    return Deployment.create(
        ADMIN,
        Map.of(
            "SEEDANCE_TEST_HOOKS",
            "1",
            "SERVER_ADDRESS",
            "127.0.0.1",
            "SEEDANCE_TEST_CRASH_POINT",
            crashPoint,
            "SEEDANCE_WORKER_ENABLED",
            worker));
  }

  private static Deployment disarmed(Deployment deployment) {
    return deployment.without("SEEDANCE_TEST_CRASH_POINT");
  }

  private static ServerProcess start(Deployment deployment) throws Exception {
    var server = new ServerProcess(deployment.env(), Files.createTempFile("crash-point-", ".log"));
    server.start();
    return server;
  }

  private static long count(Deployment deployment, String sql, String parameter) throws Exception {
    return Long.parseLong(single(deployment, sql, parameter));
  }

  private static String single(Deployment deployment, String sql, String parameter)
      throws Exception {
    try (var db = DriverManager.getConnection(deployment.jdbcUrl());
        var statement = db.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (var rs = statement.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
