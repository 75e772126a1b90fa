package seedance.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import seedance.task.TaskQueue;
import seedance.testing.ApiTest;
import seedance.web.ApiException;

/** Test keys spend a sandbox book that never mixes with live credits, in either direction. */
class SandboxBookTest extends ApiTest {

  private static final String BODY = "{\"prompt\":\"a paper boat on a river\"}";

  @Autowired CreditLedger ledger;
  @Autowired Reconciliation reconciliation;
  @Autowired TaskQueue queue;
  @Autowired TransactionTemplate transactions;

  @Test
  void aTestKeySpendsSandboxCreditsAndNeverTheLiveBalance() {
    var customer = api().newCustomer(100);
    String testKey = testKey(customer.accountId());

    var account = api().get(testKey, "/api/v1/account");
    assertThat(account.json().path("book").asString()).isEqualTo("sandbox");
    assertThat(account.json().path("balance").asLong()).isEqualTo(1000);

    var accepted = api().submit(testKey, "sandbox-1", BODY);
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.json().path("credits_used").asLong()).isEqualTo(30);

    assertThat(api().balance(testKey)).isEqualTo(970);
    assertThat(api().balance(customer.key())).isEqualTo(100);
    assertThat(reconciliation.check()).isEmpty();
  }

  @Test
  void aLiveKeyNeverSpendsSandboxCredits() {
    var customer = api().newCustomer(20);
    String testKey = testKey(customer.accountId());

    var refused = api().submit(customer.key(), "live-1", BODY);

    assertThat(refused.status()).isEqualTo(402);
    assertThat(refused.errorCode()).isEqualTo("insufficient_credits");
    assertThat(api().balance(testKey)).isEqualTo(1000);
    assertThat(api().balance(customer.key())).isEqualTo(20);
  }

  @Test
  void aFailedSandboxTaskIsRefundedIntoTheSandbox() {
    var customer = api().newCustomer(100);
    String testKey = testKey(customer.accountId());
    String taskId = api().submit(testKey, "sandbox-fail", BODY).json().path("id").asString();

    assertThat(queue.failUnfenced(taskId, "generation_failed", "the renderer gave up")).isTrue();

    assertThat(api().balance(testKey)).isEqualTo(1000);
    assertThat(api().balance(customer.key())).isEqualTo(100);
    assertThat(reconciliation.check()).isEmpty();
  }

  @Test
  void theOperatorGrantsIntoEitherBookAndSeesBoth() {
    var customer = api().newCustomer(100);

    var granted =
        api()
            .admin(
                "POST",
                "/admin/v1/accounts/" + customer.accountId() + "/credits",
                "{\"amount\":500,\"reference\":\"sandbox-bonus\",\"book\":\"sandbox\"}");
    assertThat(granted.status()).isEqualTo(200);
    assertThat(granted.json().path("balance").asLong()).isEqualTo(100);
    assertThat(granted.json().path("sandbox_balance").asLong()).isEqualTo(1500);

    var wrongBook =
        api()
            .admin(
                "POST",
                "/admin/v1/accounts/" + customer.accountId() + "/credits",
                "{\"amount\":5,\"reference\":\"odd\",\"book\":\"play\"}");
    assertThat(wrongBook.status()).isEqualTo(400);
    assertThat(wrongBook.json().path("error").path("param").asString()).isEqualTo("book");
    assertThat(reconciliation.check()).isEmpty();
  }

  @Test
  void aTransferMovesCreditsOnceAndNeverOverdraws() {
    var owner = api().newCustomer(100);
    var member = api().newCustomer(0);
    var pool = Wallet.live("team_" + owner.accountId());
    transactions.executeWithoutResult(
        tx -> {
          ledger.open(pool);
          ledger.transfer(Wallet.live(owner.accountId()), pool, 80, "fund-pool");
          ledger.transfer(pool, Wallet.live(member.accountId()), 30, "to-member");
        });

    assertThat(api().balance(owner.key())).isEqualTo(20);
    assertThat(api().balance(member.key())).isEqualTo(30);
    assertThat(ledger.balance(pool)).isEqualTo(50);
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    tx -> ledger.transfer(pool, Wallet.live(member.accountId()), 30, "to-member")))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    tx -> ledger.transfer(pool, Wallet.live(member.accountId()), 51, "too-much")))
        .isInstanceOf(ApiException.class);
    assertThat(ledger.balance(pool)).isEqualTo(50);
    assertThat(ledger.entries(pool, 10, 0)).extracting(LedgerEntry::kind).containsOnly("transfer");
    assertThat(reconciliation.check()).isEmpty();
  }

  private String testKey(String accountId) {
    var r =
        api()
            .admin(
                "POST",
                "/admin/v1/accounts/" + accountId + "/keys",
                "{\"name\":\"sandbox\",\"mode\":\"test\"}");
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().path("key").asString()).startsWith("sk_test_");
    return r.json().path("key").asString();
  }
}
