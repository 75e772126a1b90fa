package seedance.worker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import seedance.credit.Reconciliation;
import seedance.task.Claim;
import seedance.task.TaskQueue;
import seedance.testing.ApiTest;

/**
 * The queue's guarantees, driven by hand with the in-process worker switched off: leases, fencing
 * tokens, at-most-once endings and refunds, the deadline and the attempt limit, and which pool
 * claims which task.
 */
@TestPropertySource(properties = "seedance.worker.enabled=false")
class TaskQueueTest extends ApiTest {

  private static final Duration LEASE = Duration.ofSeconds(60);

  @Autowired TaskQueue queue;
  @Autowired Sweeper sweeper;
  @Autowired Reconciliation reconciliation;
  @Autowired JdbcClient jdbc;

  @Test
  void aLeaseIsExclusiveAndAStaleHolderCanNoLongerWrite() {
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "fence");

    var first = claimOnly(id);
    assertThat(queue.claim("other", 100, LEASE, 3)).noneMatch(c -> c.taskId().equals(id));

    clock.advance(LEASE.plusSeconds(1));
    var second = claimOnly(id);

    assertThat(second.token()).isGreaterThan(first.token());
    assertThat(queue.extend(first, LEASE)).isFalse();
    assertThat(
            queue.complete(
                first,
                "{\"video\":\"x/video.mp4\",\"last_frame\":\"x/last_frame.png\",\"seed\":1}",
                null))
        .isFalse();
    assertThat(queue.fail(first, "generation_failed", "stale")).isFalse();
    assertThat(status(id)).isEqualTo("processing");
    assertThat(api().balance(customer.key())).isEqualTo(70);

    assertThat(queue.fail(second, "generation_failed", "the video could not be generated"))
        .isTrue();
    assertThat(queue.fail(second, "generation_failed", "again")).isFalse();
    assertThat(api().balance(customer.key())).isEqualTo(100);
    assertThat(refunds(id)).isEqualTo(1);
    assertThat(reconciliation.check()).isEmpty();
  }

  @Test
  void concurrentRefundsOfOneTaskPayBackOnce() throws Exception {
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "double-refund");
    var barrier = new CyclicBarrier(8);
    var calls = new ArrayList<Callable<Boolean>>();
    for (int i = 0; i < 8; i++) {
      calls.add(
          () -> {
            barrier.await();
            return queue.failUnfenced(id, "generation_failed", "refund race");
          });
    }
    int won = 0;
    try (var pool = Executors.newFixedThreadPool(8)) {
      for (var result : pool.invokeAll(calls)) {
        if (result.get()) {
          won++;
        }
      }
    }

    assertThat(won).isEqualTo(1);
    assertThat(refunds(id)).isEqualTo(1);
    assertThat(api().balance(customer.key())).isEqualTo(100);
  }

  @Test
  void aCompletedTaskCanNeverBeRefunded() {
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "completed-stays");
    var claim = claimOnly(id);

    assertThat(
            queue.complete(
                claim,
                "{\"video\":\"a/video.mp4\",\"last_frame\":\"a/last_frame.png\",\"seed\":1}",
                null))
        .isTrue();

    assertThat(queue.failUnfenced(id, "generation_failed", "late failure")).isFalse();
    assertThat(status(id)).isEqualTo("completed");
    assertThat(api().balance(customer.key())).isEqualTo(70);
    assertThat(refunds(id)).isZero();
  }

  @Test
  void aTaskPastItsDeadlineIsFailedAndRefundedOnce() {
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "deadline");

    clock.advance(Duration.ofMinutes(31));
    sweeper.sweep();
    sweeper.sweep();

    var task = api().get(customer.key(), "/api/v1/tasks/" + id).json();
    assertThat(task.path("status").asString()).isEqualTo("failed");
    assertThat(task.path("error").path("code").asString()).isEqualTo("generation_timeout");
    assertThat(task.path("credits_refunded").asLong()).isEqualTo(30);
    assertThat(refunds(id)).isEqualTo(1);
    assertThat(api().balance(customer.key())).isEqualTo(100);
  }

  @Test
  void aTaskWhoseEveryAttemptCrashedIsFailedAndRefunded() {
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "crashes");
    for (int attempt = 0; attempt < 3; attempt++) {
      claimOnly(id);
      clock.advance(LEASE.plusSeconds(1));
    }
    assertThat(queue.claim("worker", 100, LEASE, 3)).noneMatch(c -> c.taskId().equals(id));

    sweeper.sweep();

    assertThat(status(id)).isEqualTo("failed");
    assertThat(api().balance(customer.key())).isEqualTo(100);
    assertThat(reconciliation.check()).isEmpty();
  }

  @Test
  void aSubmitPutBackAfterAThrottleCountsARetryButWaitingForASlotDoesNot() {
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "retries");

    var first = claimOnly(id);
    assertThat(first.retries()).isZero();
    assertThat(queue.retryLater(first, Duration.ofSeconds(10))).isTrue();
    assertThat(queue.claim("worker", 100, LEASE, 3)).noneMatch(c -> c.taskId().equals(id));
    clock.advance(Duration.ofSeconds(10));
    var second = claimOnly(id);
    // The backoff grows with retries; a put-back is not a failed attempt.
    assertThat(second.retries()).isEqualTo(1);
    assertThat(second.attempts()).isEqualTo(1);

    assertThat(queue.waitTurn(second, Duration.ofSeconds(1))).isTrue();
    clock.advance(Duration.ofSeconds(1));
    var third = claimOnly(id);
    assertThat(third.retries()).isEqualTo(1);
    assertThat(third.attempts()).isEqualTo(1);
    assertThat(api().balance(customer.key())).isEqualTo(70);
  }

  @Test
  void eachPoolClaimsOnlyItsOwnLaneAndPollsOnlyOnceSubmitted() {
    var customer = api().newCustomer(100);
    String render = submit(customer.key(), "render-lane");
    String upstream = submit(customer.key(), "upstream-lane");
    // No upstream is configured on this server, so every task is submitted to the render lane.
    jdbc.sql("UPDATE tasks SET lane = 'upstream' WHERE id = ?").param(upstream).update();

    var work = keepOnly(queue.claimWork("worker", 100, LEASE, 3), render, upstream);
    var creates = keepOnly(queue.claimCreates("worker", 100, LEASE, 3), render, upstream);

    assertThat(work).extracting(Claim::taskId).containsExactly(render);
    assertThat(creates).extracting(Claim::taskId).containsExactly(upstream);
    // Once it waits on its upstream, a task is the poll pool's, whatever its lane.
    assertThat(queue.pollLater(creates.getFirst(), Duration.ZERO)).isTrue();
    assertThat(queue.claimCreates("worker", 100, LEASE, 3))
        .noneMatch(c -> c.taskId().equals(upstream));
    var polls = keepOnly(queue.claimPolls("worker", 100, LEASE, 3), render, upstream);
    assertThat(polls).extracting(Claim::taskId).containsExactly(upstream);
    queue.release(work.getFirst());
    queue.release(polls.getFirst());
  }

  /** Gives back every claim but those of {@code ids} (other tests' tasks share this server). */
  private List<Claim> keepOnly(List<Claim> claims, String... ids) {
    var kept = new ArrayList<Claim>();
    for (var claim : claims) {
      if (List.of(ids).contains(claim.taskId())) {
        kept.add(claim);
      } else {
        queue.release(claim);
      }
    }
    return kept;
  }

  private String submit(String key, String idempotencyKey) {
    var accepted = api().submit(key, idempotencyKey, "{\"prompt\":\"a queue of paper boats\"}");
    assertThat(accepted.status()).isEqualTo(202);
    return accepted.json().path("id").asString();
  }

  /** Claims everything claimable and keeps only our task, giving the others back. */
  private Claim claimOnly(String id) {
    Claim mine = null;
    for (var claim : queue.claim("worker", 100, LEASE, 3)) {
      if (claim.taskId().equals(id)) {
        mine = claim;
      } else {
        queue.release(claim);
      }
    }
    assertThat(mine).as("claim of " + id).isNotNull();
    return mine;
  }

  private String status(String id) {
    return jdbc.sql("SELECT status FROM tasks WHERE id = ?").param(id).query(String.class).single();
  }

  private long refunds(String id) {
    return jdbc.sql("SELECT COUNT(*) FROM ledger_entries WHERE task_id = ? AND kind = 'refund'")
        .param(id)
        .query(Long.class)
        .single();
  }
}
