package seedance.provider.internal.ark;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted storm at the fake Ark: the next creates and GETs are answered with one HTTP status and
 * Ark's error codes in turn, with a Retry-After header when one is set.
 */
final class ArkFakeStorm {

  /** One stormy answer; {@code retryAfter} is the header's value, or null for none. */
  record Answer(int status, String code, String retryAfter) {}

  private final AtomicInteger left = new AtomicInteger();
  private volatile int status;
  private volatile List<String> codes = List.of();
  private volatile String retryAfter;

  void start(int count, int status, String retryAfter, String... codes) {
    this.status = status;
    this.codes = List.of(codes);
    this.retryAfter = retryAfter;
    left.set(count);
  }

  /** The answer for the next create or GET, or null when the storm is over. */
  Answer next() {
    if (left.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
      return null;
    }
    List<String> each = codes;
    String code = each.isEmpty() ? "ServerOverloaded" : each.get(left.get() % each.size());
    return new Answer(status, code, retryAfter);
  }
}
