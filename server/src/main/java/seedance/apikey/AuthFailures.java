package seedance.apikey;

import jakarta.servlet.http.HttpServletRequest;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import seedance.web.ApiException;
import seedance.web.ErrorCode;

/**
 * Slows down guessing of keys and tokens: a client address that failed authentication {@code limit}
 * times within a minute is refused with 429 for the rest of that minute, before its credentials are
 * even looked at. Kept per process and in memory: it guards the key lookups of this process and
 * never touches an account's own rate limit (R-RL-6).
 */
@Component
public class AuthFailures {

  private static final long WINDOW_MILLIS = 60_000;
  // Bounds memory under a spray from many addresses; past it, the oldest windows are dropped first.
  private static final int MAX_ADDRESSES = 100_000;

  private final InstantSource clock;
  private final int limit;
  private final Map<String, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();

  AuthFailures(InstantSource clock, @Value("${seedance.auth-failures.limit:60}") int limit) {
    this.clock = clock;
    this.limit = limit;
  }

  /** Throws 429 {@code rate_limited} if this client address failed too often in the last minute. */
  public void requireNotBlocked(HttpServletRequest request) {
    var times = failures.get(request.getRemoteAddr());
    if (times == null) {
      return;
    }
    long now = clock.millis();
    long retryAfterMillis;
    synchronized (times) {
      expire(times, now);
      if (times.size() < limit) {
        return;
      }
      retryAfterMillis = times.peekFirst() + WINDOW_MILLIS - now;
    }
    long seconds = Math.clamp((retryAfterMillis + 999) / 1000, 1, 60);
    throw new ApiException(
        ErrorCode.RATE_LIMITED,
        "too many failed authentication attempts from this address; retry after "
            + seconds
            + " seconds",
        Map.of("Retry-After", Long.toString(seconds)));
  }

  /** Counts one failed authentication from this request's client address. */
  public void recordFailure(HttpServletRequest request) {
    long now = clock.millis();
    if (failures.size() >= MAX_ADDRESSES) {
      failures.values().removeIf(times -> isExpired(times, now));
    }
    var times = failures.computeIfAbsent(request.getRemoteAddr(), a -> new ArrayDeque<>());
    synchronized (times) {
      expire(times, now);
      times.addLast(now);
      if (times.size() > limit) {
        times.removeFirst();
      }
    }
  }

  private static boolean isExpired(ArrayDeque<Long> times, long now) {
    synchronized (times) {
      expire(times, now);
      return times.isEmpty();
    }
  }

  private static void expire(ArrayDeque<Long> times, long now) {
    while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
      times.removeFirst();
    }
  }
}
