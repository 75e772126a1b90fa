package seedance.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import seedance.testing.Api;
import seedance.testing.ApiTest;

class CreditLedgerTest extends ApiTest {

  @Autowired JdbcClient jdbc;

  @Test
  void twentyFourConcurrentSubmitsOnThreeHundredCreditsMakeExactlyTenTasks() throws Exception {
    var customer = api().newCustomer(300);
    var barrier = new CyclicBarrier(24);
    var calls = new ArrayList<Callable<Api.Response>>();
    for (int i = 0; i < 24; i++) {
      String key = "concurrent-" + i;
      calls.add(
          () -> {
            barrier.await();
            return api().submit(customer.key(), key, "{\"prompt\":\"a paper boat on a river\"}");
          });
    }
    int accepted = 0;
    try (var pool = Executors.newFixedThreadPool(24)) {
      for (var future : pool.invokeAll(calls)) {
        var response = future.get();
        if (response.status() == 202) {
          accepted++;
        } else {
          assertThat(response.status()).isIn(402, 503);
        }
      }
    }

    assertThat(accepted).isEqualTo(10);
    assertThat(api().balance(customer.key())).isZero();
    assertThat(count("SELECT COUNT(*) FROM tasks WHERE account_id = ?", customer.accountId()))
        .isEqualTo(10);
    assertThat(
            count(
                "SELECT COUNT(*) FROM ledger_entries WHERE account_id = ? AND kind = 'charge'",
                customer.accountId()))
        .isEqualTo(10);
    assertBalanceEqualsLedger(customer.accountId());
  }

  @Test
  void grantsAreIdempotentOnTheirReferenceAndAdjustmentsCannotOverdraw() {
    var customer = api().newCustomer(100);
    String path = "/admin/v1/accounts/" + customer.accountId() + "/credits";

    var first =
        api()
            .admin(
                "POST",
                path,
                "{\"amount\":500,\"reference\":\"payment-" + customer.accountId() + "\"}");
    var again =
        api()
            .admin(
                "POST",
                path,
                "{\"amount\":500,\"reference\":\"payment-" + customer.accountId() + "\"}");
    var otherAmount =
        api()
            .admin(
                "POST",
                path,
                "{\"amount\":400,\"reference\":\"payment-" + customer.accountId() + "\"}");
    var down =
        api()
            .admin(
                "POST",
                path,
                "{\"amount\":-600,\"reference\":\"adjust-a-" + customer.accountId() + "\"}");
    var belowZero =
        api()
            .admin(
                "POST",
                path,
                "{\"amount\":-1,\"reference\":\"adjust-b-" + customer.accountId() + "\"}");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().path("balance").asLong()).isEqualTo(600);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("balance").asLong()).isEqualTo(600);
    assertThat(otherAmount.status()).isEqualTo(409);
    assertThat(down.json().path("balance").asLong()).isZero();
    assertThat(belowZero.status()).isEqualTo(400);
    assertThat(belowZero.errorCode()).isEqualTo("invalid_request");
    assertThat(api().balance(customer.key())).isZero();
    assertBalanceEqualsLedger(customer.accountId());
  }

  @Test
  void theLedgerIsAppendOnlyAndNoBalanceCanGoNegative() {
    var customer = api().newCustomer(100);

    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE ledger_entries SET amount = 0 WHERE account_id = ?")
                    .param(customer.accountId())
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.sql("DELETE FROM ledger_entries WHERE account_id = ?")
                    .param(customer.accountId())
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE credit_balances SET balance = -1 WHERE account_id = ?")
                    .param(customer.accountId())
                    .update())
        .isInstanceOf(DataAccessException.class);
    assertThat(api().balance(customer.key())).isEqualTo(100);
  }

  private void assertBalanceEqualsLedger(String accountId) {
    long balance =
        jdbc.sql("SELECT balance FROM credit_balances WHERE account_id = ? AND book = 'live'")
            .param(accountId)
            .query(Long.class)
            .single();
    long sum =
        jdbc.sql(
                "SELECT COALESCE(SUM(amount), 0) FROM ledger_entries"
                    + " WHERE account_id = ? AND book = 'live'")
            .param(accountId)
            .query(Long.class)
            .single();
    assertThat(sum).isEqualTo(balance);
  }

  private long count(String sql, String accountId) {
    return jdbc.sql(sql).param(accountId).query(Long.class).single();
  }
}
