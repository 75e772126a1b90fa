package seedance.worker.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Per-provider caps from configuration: {@code SEEDANCE_<PROVIDER>_MAX_IN_FLIGHT}, how many tasks
 * may be submitted and not yet ended at that upstream (counted in the database, so across
 * processes; default 500), and {@code SEEDANCE_<PROVIDER>_RATE_PER_SECOND}, how many requests
 * (creates and polls) this process sends it per second (default 20, bursts of up to a second's
 * worth). The local renderer is capped by the worker's concurrency instead.
 *
 * <p>A create takes a slot before it is sent and holds it until its upstream id is in the database,
 * so this process's concurrent submits cannot all read the same count and overshoot the cap
 * together. Other processes' creates under way at that moment are not seen: across processes the
 * cap can be passed by at most their submits in progress.
 */
@Component
class UpstreamLimits {

  private static final int DEFAULT_MAX_IN_FLIGHT = 500;
  private static final double DEFAULT_RATE = 20;

  private final Environment env;
  private final Map<String, Rate> rates = new ConcurrentHashMap<>();
  private final Map<String, Slots> slots = new ConcurrentHashMap<>();
  private volatile long createsPausedUntil = System.nanoTime();

  UpstreamLimits(Environment env) {
    this.env = env;
  }

  int maxInFlight(String provider) {
    return env.getProperty(
        "seedance." + provider + ".max-in-flight", Integer.class, DEFAULT_MAX_IN_FLIGHT);
  }

  /**
   * Takes one of the provider's in-flight slots for a create about to be sent, given how many of
   * its tasks the database counts in flight; false at the cap. A taken slot must be {@link
   * #release}d once the create failed or its upstream id is recorded.
   */
  boolean reserve(String provider, IntSupplier inFlight) {
    return slots.computeIfAbsent(provider, p -> new Slots()).take(maxInFlight(provider), inFlight);
  }

  void release(String provider) {
    slots.get(provider).creating.decrementAndGet();
  }

  /**
   * A task just found every provider it may use at its cap: claiming more creates before {@code
   * wait} is over would mostly hand them straight back, so with thousands waiting the worker would
   * spin through them. It only delays the next claim of creates; nothing is locked.
   */
  void pauseCreates(Duration wait) {
    createsPausedUntil = System.nanoTime() + wait.toNanos();
  }

  boolean createsPaused() {
    return System.nanoTime() - createsPausedUntil < 0;
  }

  /** Creates sent or about to be, whose upstream ids the database does not know yet. */
  private static final class Slots {
    private final AtomicInteger creating = new AtomicInteger();

    synchronized boolean take(int max, IntSupplier inFlight) {
      if (inFlight.getAsInt() + creating.get() >= max) {
        return false;
      }
      creating.incrementAndGet();
      return true;
    }
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
