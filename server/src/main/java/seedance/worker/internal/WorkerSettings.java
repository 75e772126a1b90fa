package seedance.worker.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process worker: on by default (SEEDANCE_WORKER_ENABLED), running up to {@code concurrency}
 * local renders at once (SEEDANCE_WORKER_CONCURRENCY: they are CPU-bound), up to {@code
 * createConcurrency} upstream creates at once (SEEDANCE_WORKER_CREATE_CONCURRENCY: HTTP calls that
 * mostly wait) and up to {@code pollConcurrency} upstream polls at once
 * (SEEDANCE_WORKER_POLL_CONCURRENCY); tasks waiting on an upstream hold no slot at all between
 * polls. An upstream-lane task whose route falls back to the local renderer renders in its create
 * slot. A lease is renewed every {@code heartbeat}; one not renewed for {@code lease} returns the
 * task to the queue; a task claimed {@code maxAttempts} times is failed and refunded.
 *
 * <p>Polls back off from {@code pollInitial}, doubling up to {@code pollMax}; when upstreams are
 * given callback URLs, a task is polled only every {@code pollWithCallbacks} as a safety net, and
 * at once when its callback arrives. A submit the upstream throttled or failed is retried after
 * {@code retryBase}, doubling per retry up to five minutes, or after the upstream's Retry-After.
 */
@ConfigurationProperties("seedance.worker")
record WorkerSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("2") int concurrency,
    @DefaultValue("16") int createConcurrency,
    @DefaultValue("64") int pollConcurrency,
    @DefaultValue("60s") Duration lease,
    @DefaultValue("15s") Duration heartbeat,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("20s") Duration shutdownGrace,
    @DefaultValue("1s") Duration pollInitial,
    @DefaultValue("15s") Duration pollMax,
    @DefaultValue("60s") Duration pollWithCallbacks,
    @DefaultValue("10s") Duration retryBase) {

  private static final Duration RETRY_MAX = Duration.ofMinutes(5);

  /**
   * The wait before poll number {@code polls + 1}; an upstream's Retry-After is honoured when
   * longer.
   */
  Duration pollDelay(int polls, boolean callbacks, Duration retryAfter) {
    Duration delay =
        callbacks ? pollWithCallbacks : doubled(pollInitial, Math.min(polls, 20), pollMax);
    return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
  }

  /** The wait before a submit is tried again when it was put back {@code retries} times before. */
  Duration retryDelay(int retries, Duration retryAfter) {
    Duration delay = doubled(retryBase, Math.min(Math.max(retries, 0), 5), RETRY_MAX);
    return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
  }

  private static Duration doubled(Duration base, int times, Duration max) {
    Duration delay = base.multipliedBy(1L << times);
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
