package seedance.ratelimit.internal;

import java.time.InstantSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An exact sliding log: a request is admitted iff fewer than {@code limit} requests of the same
 * account were admitted in the trailing window. Token buckets only approximate "the 31st within 60
 * s"; this does not.
 */
@Component
class RateLimiter {

  /**
   * The outcome, with what the RateLimit headers report. {@code resetSeconds} is 0 when nothing is
   * used.
   */
  record Decision(
      boolean admitted, int limit, long windowSeconds, long remaining, long resetSeconds) {}

  private final RateLimitRepository repository;
  private final TransactionTemplate transactions;
  private final InstantSource clock;
  private final RateLimitSettings settings;

  RateLimiter(
      RateLimitRepository repository,
      TransactionTemplate transactions,
      InstantSource clock,
      RateLimitSettings settings) {
    this.repository = repository;
    this.transactions = transactions;
    this.clock = clock;
    this.settings = settings;
  }

  Decision acquire(String accountId) {
    long windowMs = settings.window().toMillis();
    return transactions.execute(
        tx -> {
          long now = clock.millis();
          long windowStart = now - windowMs;
          repository.lock(accountId, now);
          var window = repository.window(accountId, windowStart);
          boolean admitted = window.hits() < settings.limit();
          if (admitted) {
            repository.hit(accountId, now);
          }
          repository.prune(accountId, windowStart);
          long used = window.hits() + (admitted ? 1 : 0);
          long oldest = window.hits() == 0 ? now : window.oldest();
          // The earliest moment a slot frees up: when the oldest admitted request leaves the
          // window.
          long reset = Math.max(1, ceilDiv(oldest + windowMs - now, 1000));
          return new Decision(
              admitted,
              settings.limit(),
              settings.window().toSeconds(),
              Math.max(0, settings.limit() - used),
              reset);
        });
  }

  /** Buckets of accounts idle for an hour are dropped; their hits were pruned as they aged out. */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
  void pruneIdle() {
    repository.pruneIdleBuckets(clock.millis() - 3_600_000);
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
