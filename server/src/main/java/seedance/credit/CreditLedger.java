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

  CreditLedger(LedgerRepository repository, InstantSource clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** Opens an empty balance for a new account. */
  public void open(String accountId) {
    repository.openBalance(accountId);
  }

  public long balance(String accountId) {
    return repository
        .balance(accountId)
        .orElseThrow(() -> ApiException.notFound("no such account"));
  }

  /**
   * Takes {@code amount} credits for a task, or throws 402 {@code insufficient_credits} and changes
   * nothing. The conditional update is the whole guard: no read-then-write race can overdraw the
   * balance.
   */
  public void charge(String accountId, String taskId, long amount) {
    long after =
        repository
            .add(accountId, -amount)
            .orElseThrow(
                () ->
                    new ApiException(
                        ErrorCode.INSUFFICIENT_CREDITS,
                        "insufficient credits: this request costs "
                            + amount
                            + " credits; top up and retry"));
    repository.insert(entry(accountId, taskId, "charge", -amount, after, null));
  }

  /** Gives back a task's charge. The unique (task, kind) index makes a second refund impossible. */
  public void refund(String accountId, String taskId, long amount) {
    long after = repository.add(accountId, amount).orElseThrow();
    repository.insert(entry(accountId, taskId, "refund", amount, after, null));
  }

  /**
   * Applies a top-up (positive) or an adjustment (negative) once per {@code reference}. A repeated
   * reference with the same account and amount returns the current balance; with anything else it
   * is a conflict.
   */
  public long grant(String accountId, long amount, String reference) {
    var previous = repository.findByReference(reference);
    if (previous.isPresent()) {
      var entry = previous.get();
      if (!entry.accountId().equals(accountId) || entry.amount() != amount) {
        throw new ApiException(
            ErrorCode.IDEMPOTENCY_CONFLICT,
            "reference was already used for a different grant",
            Map.of());
      }
      return balance(accountId);
    }
    if (amount == 0) {
      throw ApiException.invalidField("amount", "amount must not be zero");
    }
    long after =
        repository
            .add(accountId, amount)
            .orElseThrow(
                () ->
                    ApiException.invalidField(
                        "amount", "this adjustment would make the balance negative"));
    repository.insert(
        entry(accountId, null, amount > 0 ? "topup" : "adjust", amount, after, reference));
    return after;
  }

  public List<LedgerEntry> entries(String accountId, int limit) {
    return repository.entries(accountId, limit);
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
      String accountId, String taskId, String kind, long amount, long after, String reference) {
    return new LedgerEntry(
        RandomIds.next("le_", 20),
        accountId,
        taskId,
        kind,
        amount,
        after,
        reference,
        clock.millis());
  }
}
