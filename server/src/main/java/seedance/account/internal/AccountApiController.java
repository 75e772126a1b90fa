package seedance.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import seedance.account.Accounts;
import seedance.apikey.Caller;
import seedance.credit.Book;
import seedance.credit.CreditLedger;
import seedance.credit.Wallet;

/**
 * {@code GET /api/v1/account}: who the key belongs to and the balance it spends: live credits for a
 * live key, sandbox credits for a test key ({@code book} says which).
 */
@RestController
class AccountApiController {

  record AccountBody(String id, String email, long balance, String book) {}

  private final Accounts accounts;
  private final CreditLedger ledger;

  AccountApiController(Accounts accounts, CreditLedger ledger) {
    this.accounts = accounts;
    this.ledger = ledger;
  }

  @GetMapping("/api/v1/account")
  AccountBody get(HttpServletRequest request) {
    var caller = Caller.of(request);
    var account = accounts.require(caller.accountId());
    var wallet = new Wallet(account.id(), Book.forKeyMode(caller.mode()));
    return new AccountBody(
        account.id(), account.email(), ledger.balance(wallet), wallet.book().wire());
  }
}
