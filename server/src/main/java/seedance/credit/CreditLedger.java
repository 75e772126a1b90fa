package seedance.credit;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import seedance.credit.internal.LedgerRepository;
import seedance.web.ApiException;
import seedance.web.ErrorCode;
import seedance.web.RandomIds;

/**
 * Every change to a balance, each one a ledger row written in the caller's transaction together
 * with the balance update, so the cached balance always equals the sum of the ledger. Methods that
 * write must run inside a transaction; they never open one themselves, so the caller's cause
 * commits or rolls back with them.
 */
@Service
public class CreditLedger {

  private final LedgerRepository repository;
  private final InstantSource clock;
  private final CreditSettings settings;

  CreditLedger(LedgerRepository repository, InstantSource clock, CreditSettings settings) {
    this.repository = repository;
    this.clock = clock;
    this.settings = settings;
  }

  /** Opens a new account's balances: an empty live one and a sandbox one with its play money. */
  public void open(String accountId) {
    open(Wallet.live(accountId));
    openSandbox(accountId);
  }

  /** Opens an empty balance for a holder (a team pool, say); does nothing if it exists. */
  public void open(Wallet wallet) {
    if (wallet.book() == Book.SANDBOX) {
      openSandbox(wallet.holder());
    } else {
      repository.openBalance(wallet);
    }
  }

  public long balance(String accountId) {
    return balance(Wallet.live(accountId));
  }

  public long balance(Wallet wallet) {
    var balance = repository.balance(wallet);
    if (balance.isEmpty() && wallet.book() == Book.SANDBOX) {
      // Accounts made before sandbox books existed get theirs on first use, with the same money.
      return settings.sandboxCredits();
    }
    return balance.orElseThrow(() -> ApiException.notFound("no such account"));
  }

  public void charge(String accountId, String taskId, long amount) {
    charge(Wallet.live(accountId), taskId, amount);
  }

  /**
   * Takes {@code amount} credits for a task, or throws 402 {@code insufficient_credits} and changes
   * nothing. The conditional update is the whole guard: no read-then-write race can overdraw the
   * balance.
   */
  public void charge(Wallet wallet, String taskId, long amount) {
    if (wallet.book() == Book.SANDBOX) {
      openSandbox(wallet.holder());
    }
    long after =
        repository
            .add(wallet, -amount)
            .orElseThrow(
                () ->
                    new ApiException(
                        ErrorCode.INSUFFICIENT_CREDITS,
                        "insufficient "
                            + (wallet.book() == Book.SANDBOX ? "sandbox credits" : "credits")
                            + ": this request costs "
                            + amount
                            + " credits; top up and retry"));
    repository.insert(entry(wallet, taskId, "charge", -amount, after, null));
  }

  public void refund(String accountId, String taskId, long amount) {
    refund(Wallet.live(accountId), taskId, amount);
  }

  /** Gives back a task's charge. The unique (task, kind) index makes a second refund impossible. */
  public void refund(Wallet wallet, String taskId, long amount) {
    long after = repository.add(wallet, amount).orElseThrow();
    repository.insert(entry(wallet, taskId, "refund", amount, after, null));
  }

  public long grant(String accountId, long amount, String reference) {
    return grant(Wallet.live(accountId), amount, reference);
  }

  /**
   * Applies a top-up (positive) or an adjustment (negative) once per {@code reference}. A repeated
   * reference with the same wallet and amount returns the current balance; with anything else it is
   * a conflict.
   */
  public long grant(Wallet wallet, long amount, String reference) {
    var previous = repository.findByReference(reference);
    if (previous.isPresent()) {
      var entry = previous.get();
      if (!entry.accountId().equals(wallet.holder())
          || !entry.book().equals(wallet.book().wire())
          || entry.amount() != amount) {
        throw new ApiException(
            ErrorCode.IDEMPOTENCY_CONFLICT,
            "reference was already used for a different grant",
            Map.of());
      }
      return balance(wallet);
    }
    if (amount == 0) {
      throw ApiException.invalidField("amount", "amount must not be zero");
    }
    if (wallet.book() == Book.SANDBOX) {
      openSandbox(wallet.holder());
    }
    long after =
        repository
            .add(wallet, amount)
            .orElseThrow(
                () ->
                    ApiException.invalidField(
                        "amount", "this adjustment would make the balance negative"));
    repository.insert(
        entry(wallet, null, amount > 0 ? "topup" : "adjust", amount, after, reference));
    return after;
  }

  /**
   * Moves credits between two wallets of the same book (a team pool to a member, say): two {@code
   * transfer} rows, {@code reference + ":out"} and {@code reference + ":in"}, in the caller's
   * transaction. A repeated reference is refused; an amount the source does not have is refused and
   * changes nothing.
   */
  public void transfer(Wallet from, Wallet to, long amount, String reference) {
    if (amount <= 0) {
      throw ApiException.invalidField("amount", "amount must be a positive number of credits");
    }
    if (from.book() != to.book()) {
      throw ApiException.invalidField("amount", "credits cannot move between books");
    }
    if (from.equals(to)) {
      throw ApiException.invalidField("amount", "a transfer needs two different balances");
    }
    if (repository.findByReference(reference + ":out").isPresent()) {
      throw new ApiException(
          ErrorCode.IDEMPOTENCY_CONFLICT, "this transfer was already made", Map.of());
    }
    long fromAfter =
        repository
            .add(from, -amount)
            .orElseThrow(
                () -> ApiException.invalidField("amount", "not enough credits to transfer"));
    long toAfter =
        repository
            .add(to, amount)
            .orElseThrow(() -> ApiException.notFound("no such balance to transfer to"));
    repository.insert(entry(from, null, "transfer", -amount, fromAfter, reference + ":out"));
    repository.insert(entry(to, null, "transfer", amount, toAfter, reference + ":in"));
  }

  public List<LedgerEntry> entries(String accountId, int limit) {
    return entries(Wallet.live(accountId), limit, 0);
  }

  /** Newest first. */
  public List<LedgerEntry> entries(Wallet wallet, int limit, int offset) {
    return repository.entries(wallet, limit, offset);
  }

  private void openSandbox(String accountId) {
    var wallet = Wallet.sandbox(accountId);
    if (repository.openBalance(wallet) && settings.sandboxCredits() > 0) {
      long after = repository.add(wallet, settings.sandboxCredits()).orElseThrow();
      repository.insert(
          entry(
              wallet,
              null,
              "topup",
              settings.sandboxCredits(),
              after,
              "sandbox-initial:" + accountId));
    }
  }

  /** Newest first, for paging through an account's history. */
  public List<LedgerEntry> page(String accountId, int offset, int limit) {
    return repository.page(accountId, offset, limit);
  }

  /** Oldest first, every entry from {@code sinceMillis} on (for usage charts). */
  public List<LedgerEntry> since(String accountId, long sinceMillis) {
    return repository.since(accountId, sinceMillis);
  }

  private LedgerEntry entry(
      Wallet wallet, String taskId, String kind, long amount, long after, String reference) {
    return new LedgerEntry(
        RandomIds.next("le_", 20),
        wallet.holder(),
        wallet.book().wire(),
        taskId,
        kind,
        amount,
        after,
        reference,
        clock.millis());
  }
}
