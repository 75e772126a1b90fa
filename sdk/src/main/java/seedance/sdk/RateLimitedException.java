package seedance.sdk;

import java.time.Duration;

/** 429 {@code rate_limited}: more than 30 requests in 60 seconds, after the retries ran out. */
public class RateLimitedException extends SeedanceException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RateLimitedException(
      int httpStatus,
      String code,
      String message,
      String param,
      String requestId,
      Duration retryAfter) {
    super(httpStatus, code, message, param, requestId);
    this.retryAfter = retryAfter;
  }

  /** The server's {@code Retry-After}, or null when it sent none. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
