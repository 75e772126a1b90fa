package seedance.admin.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import seedance.account.Account;
import seedance.account.Accounts;
import seedance.account.SignIns;
import seedance.apikey.ApiKeyView;
import seedance.apikey.ApiKeys;
import seedance.config.ServerSettings;
import seedance.credit.Book;
import seedance.credit.CreditLedger;
import seedance.credit.Wallet;
import seedance.web.ApiException;
import seedance.web.IsoTime;
import seedance.web.StrictJson;

/**
 * The operator API: accounts, credits and keys, until the dashboard exists (and for automation
 * after).
 */
@RestController
class AdminController {

  private static final int MAX_BODY_BYTES = 16 * 1024;
  private static final long MAX_GRANT = 1_000_000_000_000L;

  record AccountBody(
      String id, String email, long balance, long sandboxBalance, String createdAt) {}

  record KeyBody(
      String id,
      String name,
      String mode,
      String prefix,
      String last4,
      String createdAt,
      String lastUsedAt,
      String revokedAt) {}

  record CreatedKeyBody(
      String id,
      String name,
      String mode,
      String key,
      String prefix,
      String last4,
      String createdAt) {}

  record PasswordLinkBody(String url, String expiresAt) {}

  private final Accounts accounts;
  private final CreditLedger ledger;
  private final ApiKeys keys;
  private final TransactionTemplate transactions;
  private final SignIns signIns;
  private final ServerSettings settings;

  AdminController(
      Accounts accounts,
      CreditLedger ledger,
      ApiKeys keys,
      TransactionTemplate transactions,
      SignIns signIns,
      ServerSettings settings) {
    this.signIns = signIns;
    this.settings = settings;
    this.accounts = accounts;
    this.ledger = ledger;
    this.keys = keys;
    this.transactions = transactions;
  }

  @PostMapping("/admin/v1/accounts")
  ResponseEntity<AccountBody> createAccount(HttpServletRequest request) {
    var body = StrictJson.readObject(request, MAX_BODY_BYTES);
    body.rejectUnknown(Set.of("email", "credits"));
    String email =
        body.string("email")
            .orElseThrow(() -> ApiException.invalidField("email", "email is required"));
    long credits = body.integer("credits").orElse(0L);
    if (credits < 0 || credits > MAX_GRANT) {
      throw ApiException.invalidField("credits", "credits must be from 0 to " + MAX_GRANT);
    }
    var account =
        transactions.execute(
            tx -> {
              var created = accounts.create(email);
              ledger.open(created.id());
              if (credits > 0) {
                ledger.grant(created.id(), credits, "initial:" + created.id());
              }
              return created;
            });
    return ResponseEntity.status(HttpStatus.CREATED).body(accountBody(account));
  }

  @GetMapping("/admin/v1/accounts/{id}")
  AccountBody getAccount(@PathVariable String id) {
    var account = accounts.require(id);
    return accountBody(account);
  }

  @PostMapping("/admin/v1/accounts/{id}/credits")
  AccountBody grant(@PathVariable String id, HttpServletRequest request) {
    var body = StrictJson.readObject(request, MAX_BODY_BYTES);
    body.rejectUnknown(Set.of("amount", "reference", "book"));
    long amount =
        body.integer("amount")
            .orElseThrow(() -> ApiException.invalidField("amount", "amount is required"));
    if (Math.abs(amount) > MAX_GRANT) {
      throw ApiException.invalidField("amount", "amount must be at most " + MAX_GRANT + " in size");
    }
    String reference =
        body.string("reference")
            .orElseThrow(() -> ApiException.invalidField("reference", "reference is required"));
    if (reference.isBlank() || reference.length() > 255) {
      throw ApiException.invalidField("reference", "reference must be 1 to 255 characters");
    }
    var book =
        switch (body.string("book").orElse("live")) {
          case "live" -> Book.LIVE;
          case "sandbox" -> Book.SANDBOX;
          default -> throw ApiException.invalidField("book", "book must be live or sandbox");
        };
    var account = accounts.require(id);
    var wallet = new Wallet(id, book);
    try {
      transactions.execute(tx -> ledger.grant(wallet, amount, reference));
    } catch (DuplicateKeyException e) {
      // A concurrent grant with the same reference won the race; answer as its replay would.
      transactions.execute(tx -> ledger.grant(wallet, amount, reference));
    }
    return accountBody(account);
  }

  @PostMapping("/admin/v1/accounts/{id}/keys")
  ResponseEntity<CreatedKeyBody> createKey(@PathVariable String id, HttpServletRequest request) {
    var body = StrictJson.readObject(request, MAX_BODY_BYTES);
    body.rejectUnknown(Set.of("name", "mode"));
    String name = body.string("name").orElse("default");
    String mode = body.string("mode").orElse("live");
    accounts.require(id);
    var created = keys.create(id, name, mode);
    var view = created.view();
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            new CreatedKeyBody(
                view.id(),
                view.name(),
                view.mode(),
                created.secret(),
                view.prefix(),
                view.last4(),
                IsoTime.format(view.createdAt())));
  }

  /**
   * A single-use link (valid 7 days) with which the account sets its dashboard password; every call
   * makes a new one, and earlier unused links keep working until they expire.
   */
  @PostMapping("/admin/v1/accounts/{id}/password-link")
  ResponseEntity<PasswordLinkBody> passwordLink(@PathVariable String id) {
    var link = signIns.passwordLink(id);
    String base =
        settings.publicUrl() == null || settings.publicUrl().isBlank()
            ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
            : settings.publicUrl().replaceAll("/+$", "");
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            new PasswordLinkBody(
                base + "/set-password?token=" + link.token(), IsoTime.format(link.expiresAt())));
  }

  @GetMapping("/admin/v1/accounts/{id}/keys")
  Map<String, List<KeyBody>> listKeys(@PathVariable String id) {
    accounts.require(id);
    return Map.of("data", keys.list(id).stream().map(AdminController::keyBody).toList());
  }

  @DeleteMapping("/admin/v1/keys/{id}")
  ResponseEntity<Void> revoke(@PathVariable String id) {
    if (!keys.revoke(id)) {
      throw ApiException.notFound("no such key");
    }
    return ResponseEntity.noContent().build();
  }

  private AccountBody accountBody(Account account) {
    return new AccountBody(
        account.id(),
        account.email(),
        ledger.balance(account.id()),
        ledger.balance(Wallet.sandbox(account.id())),
        IsoTime.format(account.createdAt()));
  }

  private static KeyBody keyBody(ApiKeyView key) {
    return new KeyBody(
        key.id(),
        key.name(),
        key.mode(),
        key.prefix(),
        key.last4(),
        IsoTime.format(key.createdAt()),
        key.lastUsedAt() == null ? null : IsoTime.format(key.lastUsedAt()),
        key.revokedAt() == null ? null : IsoTime.format(key.revokedAt()));
  }
}
