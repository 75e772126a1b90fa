package seedance.testing;

import com.sun.net.httpserver.Headers;
import java.util.concurrent.atomic.AtomicInteger;

/** A scripted run of error answers for the upstream fakes: how many are left, and how. */
public final class FakeStorm {

  private final AtomicInteger left = new AtomicInteger();
  private volatile int status;
  private volatile String retryAfter;

  /** The next {@code count} calls get {@code status}, with Retry-After when it is not null. */
  public void set(int count, int status, String retryAfter) {
    this.status = status;
    this.retryAfter = retryAfter;
    left.set(count);
  }

  /**
   * The status to answer this call with, its Retry-After already set on {@code headers}; 0 once the
   * storm is over.
   */
  public int next(Headers headers) {
    if (left.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
      return 0;
    }
    String wait = retryAfter;
    if (wait != null) {
      headers.set("Retry-After", wait);
    }
    return status;
  }
}
