package seedance.sdk;

/**
 * 409 {@code idempotency_conflict}: the key was used with another body, or its first request still
 * runs. Never retried automatically.
 */
public class IdempotencyConflictException extends SeedanceException {

  private static final long serialVersionUID = 1L;

  public IdempotencyConflictException(
      int httpStatus, String code, String message, String param, String requestId) {
    super(httpStatus, code, message, param, requestId);
  }
}
