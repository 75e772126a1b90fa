package seedance.worker.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Per-provider caps from configuration: {@code SEEDANCE_<PROVIDER>_MAX_IN_FLIGHT}, how many tasks
 * may be submitted and not yet ended at that upstream (counted in the database, so across
 * processes; default 500), and {@code SEEDANCE_<PROVIDER>_RATE_PER_SECOND}, how many requests
 * (creates and polls) this process sends it per second (default 20, bursts of up to a second's
 * worth). The local renderer is capped by the worker's concurrency instead.
 */
@Component
class UpstreamLimits {

  private static final int DEFAULT_MAX_IN_FLIGHT = 500;
  private static final double DEFAULT_RATE = 20;

  private final Environment env;
  private final Map<String, Rate> rates = new ConcurrentHashMap<>();

  UpstreamLimits(Environment env) {
    this.env = env;
  }

  int maxInFlight(String provider) {
    return env.getProperty(
        "seedance." + provider + ".max-in-flight", Integer.class, DEFAULT_MAX_IN_FLIGHT);
  }

  /** Waits until the provider's request rate allows one more request. */
  void acquire(String provider) throws InterruptedException {
    Rate rate =
        rates.computeIfAbsent(
            provider,
            p ->
                new Rate(
                    env.getProperty(
                        "seedance." + p + ".rate-per-second", Double.class, DEFAULT_RATE)));
    long wait = rate.reserve(System.nanoTime());
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  /** Evenly spaced slots, with up to a second's worth of slots banked while idle. */
  static final class Rate {
    private final long interval;
    private final long burst;
    private long next;

    Rate(double perSecond) {
      this.interval = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
      this.burst = 1_000_000_000L;
      this.next = System.nanoTime() - burst;
    }

    /** Takes the next slot; returns how long to wait for it, in nanoseconds. */
    synchronized long reserve(long now) {
      long slot = Math.max(next, now - burst);
      next = slot + interval;
      return slot - now;
    }
  }
}
