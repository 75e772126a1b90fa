package seedance.sdk;

/** 500 {@code internal_error} (or another 5xx) after the retries ran out. */
public class InternalErrorException extends SeedanceException {

  private static final long serialVersionUID = 1L;

  public InternalErrorException(
      int httpStatus, String code, String message, String param, String requestId) {
    super(httpStatus, code, message, param, requestId);
  }
}
