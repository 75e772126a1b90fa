package seedance.task;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import seedance.config.CrashPoints;
import seedance.credit.Book;
import seedance.credit.CreditLedger;
import seedance.credit.Wallet;
import seedance.task.internal.QueueRepository;
import seedance.task.internal.QueueRepository.Pool;

/**
 * The task table as a queue: claims with a lease and a fencing token, and the two ways a task ends.
 * Ending is one transaction each: {@code completed} with its outputs, or {@code failed} with the
 * full refund and its ledger row. The {@code status = 'processing'} guard makes either happen at
 * most once.
 */
@Service
public class TaskQueue {

  private final QueueRepository repository;
  private final CreditLedger ledger;
  private final TransactionTemplate transactions;
  private final InstantSource clock;
  private final CrashPoints crashPoints;

  TaskQueue(
      QueueRepository repository,
      CreditLedger ledger,
      TransactionTemplate transactions,
      InstantSource clock,
      CrashPoints crashPoints) {
    this.crashPoints = crashPoints;
    this.repository = repository;
    this.ledger = ledger;
    this.transactions = transactions;
    this.clock = clock;
  }

  public List<Claim> claim(String owner, int limit, Duration lease, int maxAttempts) {
    return claim(Pool.ANY, owner, limit, lease, maxAttempts);
  }

  /** Claims only render-lane tasks not yet waiting on an upstream: local renders, retries. */
  public List<Claim> claimWork(String owner, int limit, Duration lease, int maxAttempts) {
    return claim(Pool.WORK, owner, limit, lease, maxAttempts);
  }

  /**
   * Claims only upstream-lane tasks not yet waiting on an upstream: creates and their retries (and
   * a local render when the route falls back to it).
   */
  public List<Claim> claimCreates(String owner, int limit, Duration lease, int maxAttempts) {
    return claim(Pool.CREATES, owner, limit, lease, maxAttempts);
  }

  /** Claims only tasks waiting on an upstream whose next poll is due. */
  public List<Claim> claimPolls(String owner, int limit, Duration lease, int maxAttempts) {
    return claim(Pool.POLLS, owner, limit, lease, maxAttempts);
  }

  private List<Claim> claim(Pool pool, String owner, int limit, Duration lease, int maxAttempts) {
    long now = clock.millis();
    return transactions.execute(
        tx -> repository.claim(pool, owner, limit, now, now + lease.toMillis(), maxAttempts));
  }

  /**
   * Extends our lease; false means the task is no longer ours (or no longer running): stop work on
   * it.
   */
  public boolean extend(Claim claim, Duration lease) {
    return repository.extend(claim.taskId(), claim.token(), clock.millis() + lease.toMillis());
  }

  /** Gives the task back to the queue at once, for another worker (used at shutdown). */
  public boolean release(Claim claim) {
    return repository.extend(claim.taskId(), claim.token(), clock.millis() - 1);
  }

  public boolean recordUpstream(Claim claim, String provider, String upstreamId) {
    return repository.recordUpstream(claim.taskId(), claim.token(), provider, upstreamId);
  }

  /** The provider and id an earlier attempt got for this task, if it got that far. */
  public Optional<UpstreamRef> upstream(Claim claim) {
    return repository.upstream(claim.taskId());
  }

  /** Completes the task with its outputs and what the provider reported using (JSON, or null). */
  public boolean complete(Claim claim, String outputJson, String usageJson) {
    return repository.complete(
        claim.taskId(), claim.token(), outputJson, usageJson, clock.millis());
  }

  /**
   * Puts the task back in the queue to run again after {@code delay}, without using up an attempt.
   */
  public boolean retryLater(Claim claim, Duration delay) {
    return repository.retryLater(
        claim.taskId(), claim.token(), clock.millis() + delay.toMillis(), true);
  }

  /**
   * Puts the task back to try again after {@code delay} because every provider it may use is full:
   * neither an attempt nor a retry, so waiting its turn never lengthens its backoff.
   */
  public boolean waitTurn(Claim claim, Duration delay) {
    return repository.retryLater(
        claim.taskId(), claim.token(), clock.millis() + delay.toMillis(), false);
  }

  /**
   * Hands a task that waits on its upstream back to the queue, lease released, for one poll after
   * {@code delay} by whichever worker claims it then. Neither the wait nor the poll uses up an
   * attempt.
   */
  public boolean pollLater(Claim claim, Duration delay) {
    long now = clock.millis();
    return repository.pollLater(claim.taskId(), claim.token(), now + delay.toMillis(), now);
  }

  /**
   * An upstream said the task changed (a callback): make its next poll due now. Only a hint; false
   * when the task is not waiting on an upstream (ended, unknown, not yet submitted).
   */
  public boolean hint(String taskId) {
    return repository.hint(taskId, clock.millis());
  }

  /** How many tasks are submitted to {@code provider} and not yet ended, across all workers. */
  public int inFlight(String provider) {
    return repository.inFlight(provider);
  }

  /** Fails the task we hold and refunds it in full. False if it was not ours or already ended. */
  public boolean fail(Claim claim, String code, String message) {
    return failAndRefund(claim.taskId(), claim.token(), code, message);
  }

  /**
   * Fails a task whatever lease it has (deadline passed, attempts used up) and refunds it in full.
   */
  public boolean failUnfenced(String taskId, String code, String message) {
    return failAndRefund(taskId, null, code, message);
  }

  public List<String> overdue() {
    return repository.overdue(clock.millis());
  }

  public List<String> exhausted(int maxAttempts) {
    return repository.exhausted(clock.millis(), maxAttempts);
  }

  private boolean failAndRefund(String taskId, Long token, String code, String message) {
    Boolean done =
        transactions.execute(
            tx -> {
              var refund = repository.fail(taskId, token, code, message, clock.millis());
              crashPoints.reach("refund.after_status_before_commit");
              refund.ifPresent(
                  r ->
                      ledger.refund(
                          new Wallet(r.accountId(), Book.fromWire(r.book())), taskId, r.credits()));
              return refund.isPresent();
            });
    return Boolean.TRUE.equals(done);
  }
}
