package seedance.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import seedance.testing.ApiTest;
import seedance.testing.TestDatabases;

/**
 * Another client holds a lock the submit needs (an operator's psql session, a stuck transaction):
 * the API answers 503 service_busy with Retry-After instead of hanging, changes nothing, and the
 * same request succeeds once the lock is gone.
 */
class LockContentionTest extends ApiTest {

  @Autowired Environment environment;

  @Test
  void aHeldLockGivesServiceBusyThenTheRetrySucceeds() throws Exception {
    var customer = api().newCustomer(100);
    String body = "{\"prompt\":\"a train crossing a bridge\"}";

    try (Connection holder = openDirectConnection()) {
      holder.setAutoCommit(false);
      try (var statement = holder.createStatement()) {
        if (TestDatabases.postgres()) {
          statement.execute(
              "SELECT balance FROM credit_balances WHERE account_id = '"
                  + customer.accountId()
                  + "' AND book = 'live' FOR UPDATE");
        } else {
          // SQLite locks the whole database for writing.
          statement.execute(
              "UPDATE accounts SET email = email WHERE id = '" + customer.accountId() + "'");
        }
      }

      var busy = api().submit(customer.key(), "held-lock", body);

      assertThat(busy.status()).isEqualTo(503);
      assertThat(busy.errorCode()).isEqualTo("service_busy");
      assertThat(busy.header("Retry-After")).isEqualTo("1");
      holder.rollback();
    }

    var retried = api().submit(customer.key(), "held-lock", body);
    assertThat(retried.status()).isEqualTo(202);
    assertThat(retried.header("Idempotent-Replayed")).isNull();
    assertThat(api().balance(customer.key())).isEqualTo(70);
  }

  @Test
  void aRequestWhoseKeyIsHeldByAnUnfinishedRequestGetsInProgressConflict() throws Exception {
    var customer = api().newCustomer(100);
    String body = "{\"prompt\":\"a kite over the dunes\"}";

    try (Connection holder = openDirectConnection()) {
      holder.setAutoCommit(false);
      try (var statement = holder.createStatement()) {
        // What a first request with this key does mid-transaction: its key row exists but is
        // uncommitted.
        statement.execute(
            "INSERT INTO idempotency_keys (account_id, idem_key, fingerprint, task_id, response_status,"
                + " response_body, created_at) VALUES ('"
                + customer.accountId()
                + "', 'in-flight', 'x', 'sd2_x', 202, '{}', "
                + System.currentTimeMillis()
                + ")");
      }

      var second = api().submit(customer.key(), "in-flight", body);

      if (TestDatabases.postgres()) {
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.errorCode()).isEqualTo("idempotency_conflict");
      } else {
        // SQLite has one writer: the open transaction blocks the whole request, which answers busy.
        assertThat(second.status()).isEqualTo(503);
        assertThat(second.errorCode()).isEqualTo("service_busy");
      }
      assertThat(second.header("Retry-After")).isEqualTo("1");
      holder.rollback();
    }

    var retried = api().submit(customer.key(), "in-flight", body);
    assertThat(retried.status()).isEqualTo(202);
    assertThat(api().balance(customer.key())).isEqualTo(70);
  }

  private Connection openDirectConnection() throws SQLException {
    if (TestDatabases.postgres()) {
      return DriverManager.getConnection(environment.getRequiredProperty("seedance.database.url"));
    }
    return DriverManager.getConnection("jdbc:sqlite:" + dataDir().resolve("seedance.db"));
  }
}
