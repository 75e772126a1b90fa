package seedance.sdk;

import java.time.Duration;

/** 503 {@code service_busy}: temporary trouble, after the retries ran out. */
public class ServiceBusyException extends SeedanceException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public ServiceBusyException(
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
