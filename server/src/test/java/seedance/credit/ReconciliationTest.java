package seedance.credit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import seedance.testing.ApiTest;

/** R-LED-7: a balance that disagrees with its ledger stops that account's submits, and only its. */
class ReconciliationTest extends ApiTest {

  private static final String BODY = "{\"prompt\":\"a lighthouse in a storm\"}";

  @Autowired Reconciliation reconciliation;
  @Autowired JdbcClient jdbc;

  @Test
  void anAccountWhoseMoneyDriftedCannotSubmitUntilItReconciles() {
    var drifted = api().newCustomer(100);
    var healthy = api().newCustomer(100);
    try {
      // Money from nowhere: a balance changed without its ledger row.
      jdbc.sql(
              "UPDATE credit_balances SET balance = balance + 7 WHERE account_id = ? AND book = 'live'")
          .param(drifted.accountId())
          .update();
      reconciliation.report();

      assertThat(reconciliation.check())
          .anySatisfy(b -> assertThat(b).contains(drifted.accountId()))
          .anySatisfy(b -> assertThat(b).contains("whole ledger by 7"));
      var refused = api().submit(drifted.key(), "drifted-1", BODY);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.errorCode()).isEqualTo("service_busy");
      assertThat(refused.header("Retry-After")).isEqualTo("600");
      assertThat(api().balance(drifted.key())).isEqualTo(107);
      assertThat(api().submit(healthy.key(), "healthy-1", BODY).status()).isEqualTo(202);
    } finally {
      jdbc.sql(
              "UPDATE credit_balances SET balance = balance - 7 WHERE account_id = ? AND book = 'live'")
          .param(drifted.accountId())
          .update();
      reconciliation.report();
    }

    assertThat(reconciliation.check()).isEmpty();
    assertThat(api().submit(drifted.key(), "drifted-2", BODY).status()).isEqualTo(202);
  }
}
