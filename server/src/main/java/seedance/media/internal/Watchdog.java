package seedance.media.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Enforces a fetch's total deadline. Socket timeouts only bound each wait, so a server trickling
 * one byte just inside the idle timeout would otherwise hold the worker indefinitely; at the
 * deadline the current request is cancelled, which closes its connection mid-read.
 */
public final class Watchdog implements AutoCloseable {

  private final long deadlineNanos;
  private final AtomicBoolean fired = new AtomicBoolean();
  private final AtomicReference<Cancellable> current = new AtomicReference<>();
  private final Thread timer;

  public Watchdog(Duration budget) {
    this.deadlineNanos = System.nanoTime() + budget.toNanos();
    this.timer = Thread.ofVirtual().name("media-fetch-deadline").start(() -> waitFor(budget));
  }

  /** Makes {@code request} the one to cancel at the deadline (cancelled at once if past it). */
  public void guard(Cancellable request) {
    current.set(request);
    if (expired()) {
      request.cancel();
    }
  }

  public boolean expired() {
    return fired.get() || System.nanoTime() - deadlineNanos >= 0;
  }

  @Override
  public void close() {
    timer.interrupt();
  }

  private void waitFor(Duration budget) {
    try {
      Thread.sleep(budget);
    } catch (InterruptedException e) {
      return; // the fetch ended first
    }
    fired.set(true);
    Cancellable request = current.get();
    if (request != null) {
      request.cancel();
    }
  }
}
