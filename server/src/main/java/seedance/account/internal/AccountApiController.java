package seedance.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import seedance.account.Accounts;
import seedance.apikey.Caller;
import seedance.credit.CreditLedger;

/** {@code GET /api/v1/account}: who the key belongs to and the balance it spends. */
@RestController
class AccountApiController {

  record AccountBody(String id, String email, long balance) {}

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
    return new AccountBody(account.id(), account.email(), ledger.balance(account.id()));
  }
}
