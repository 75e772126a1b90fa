package seedance.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock tests move by hand, so windows, expiries and leases are tested without sleeping. It
 * follows real time plus an offset, or stands still while frozen. It only ever moves forward,
 * because the server under test is shared by the tests of one run.
 */
public final class MutableClock implements InstantSource {

  private final AtomicLong offsetMillis = new AtomicLong();
  private volatile Long frozenAt;

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public long millis() {
    Long frozen = frozenAt;
    return frozen != null ? frozen : System.currentTimeMillis() + offsetMillis.get();
  }

  public synchronized void advance(Duration duration) {
    if (frozenAt != null) {
      frozenAt = frozenAt + duration.toMillis();
    } else {
      offsetMillis.addAndGet(duration.toMillis());
    }
  }

  /** Stops time where it is; {@link #advance} still moves it. */
  public synchronized void freeze() {
    frozenAt = millis();
  }

  /** Lets time run again from where it stands. */
  public synchronized void unfreeze() {
    if (frozenAt != null) {
      offsetMillis.set(frozenAt - System.currentTimeMillis());
      frozenAt = null;
    }
  }
}
