package seedance.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock tests move forward by hand, so windows, expiries and leases are tested without sleeping.
 */
public final class MutableClock implements InstantSource {

  private final AtomicLong offsetMillis = new AtomicLong();

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public long millis() {
    return System.currentTimeMillis() + offsetMillis.get();
  }

  public void advance(Duration duration) {
    offsetMillis.addAndGet(duration.toMillis());
  }
}
