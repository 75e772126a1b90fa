package seedance.sdk;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a request again and how long to wait: connection failures, 429, 503 and other 5xx are
 * retried; every other 4xx (409 included: it may mean a reused key with another body) is not.
 */
record Retrying(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

  /** The longest {@code Retry-After} honoured; a larger one is the server's problem, not a wait. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  static boolean retryableStatus(int status) {
    return status == 429 || status >= 500;
  }

  /**
   * Capped exponential backoff with jitter in [half, full] of the step, so clients that failed
   * together do not return together.
   */
  Duration backoff(int retry) {
    long base = initialBackoff.toMillis() << Math.min(retry, 20);
    long capped = Math.min(base, maxBackoff.toMillis());
    long half = capped / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
  }

  /** The server's {@code Retry-After} wins over our own backoff when it names a longer wait. */
  Duration delay(int retry, Duration retryAfter) {
    Duration ours = backoff(retry);
    if (retryAfter == null) {
      return ours;
    }
    Duration theirs = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
    return theirs.compareTo(ours) > 0 ? theirs : ours;
  }

  static void sleep(Duration delay) {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiConnectionException("interrupted while waiting to retry", e);
    }
  }
}
