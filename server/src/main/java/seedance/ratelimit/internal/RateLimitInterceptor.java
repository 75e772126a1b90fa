package seedance.ratelimit.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import seedance.apikey.Caller;
import seedance.ratelimit.RateLimits;
import seedance.web.ApiException;
import seedance.web.ErrorCode;

/**
 * Second step of every public API request, after authentication: admit or answer 429, and tell the
 * client where it stands in {@code RateLimit-Policy} / {@code RateLimit} headers on every response.
 */
@Component
class RateLimitInterceptor implements HandlerInterceptor, RateLimits {

  private static final Logger log = LoggerFactory.getLogger(RateLimitInterceptor.class);

  private final RateLimiter limiter;

  RateLimitInterceptor(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    var caller = Caller.of(request);
    var decision = decide(caller.accountId(), !"GET".equals(request.getMethod()));
    if (decision == null) {
      return true;
    }
    response.setHeader(
        "RateLimit-Policy", "\"account\";q=" + decision.limit() + ";w=" + decision.windowSeconds());
    response.setHeader(
        "RateLimit", "\"account\";r=" + decision.remaining() + ";t=" + decision.resetSeconds());
    refuseIfOver(decision);
    return true;
  }

  @Override
  public void admit(String accountId, boolean write) {
    var decision = decide(accountId, write);
    if (decision != null) {
      refuseIfOver(decision);
    }
  }

  /** Null when the limiter's store failed and a read is let through. */
  private RateLimiter.Decision decide(String accountId, boolean write) {
    try {
      return limiter.acquire(accountId);
    } catch (DataAccessException e) {
      // The limiter's store failed: reads stay available, writes (which cost money) wait for it.
      log.warn("rate limiter unavailable ({}): {}", write ? "write" : "read", e.toString());
      if (!write) {
        return null;
      }
      throw ApiException.busy("the service is busy, retry shortly");
    }
  }

  private static void refuseIfOver(RateLimiter.Decision decision) {
    if (!decision.admitted()) {
      String retryAfter =
          Long.toString(Math.min(decision.windowSeconds(), decision.resetSeconds()));
      throw new ApiException(
          ErrorCode.RATE_LIMITED,
          "rate limit exceeded: at most "
              + decision.limit()
              + " requests per "
              + decision.windowSeconds()
              + " seconds per account; retry after "
              + retryAfter
              + " seconds",
          Map.of("Retry-After", retryAfter));
    }
  }
}
