package seedance.provider;

import java.time.Duration;
import java.util.Optional;

/** Reads an upstream's {@code Retry-After} header (seconds form; dates are rare and ignored). */
public final class RetryAfter {

  /**
   * Longer asks are capped: the task's own backoff and deadline still apply, and a provider rests
   * no longer than this on the upstream's word ({@link Providers#rest}).
   */
  static final Duration MAX = Duration.ofMinutes(5);

  private RetryAfter() {}

  /** The wait asked for, or null when the header is absent or unreadable. */
  public static Duration parse(Optional<String> header) {
    if (header.isEmpty()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.get().strip());
      if (seconds < 0) {
        return null;
      }
      Duration wait = Duration.ofSeconds(seconds);
      return wait.compareTo(MAX) > 0 ? MAX : wait;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
