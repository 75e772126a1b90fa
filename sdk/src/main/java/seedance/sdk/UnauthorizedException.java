package seedance.sdk;

/** 401 {@code unauthorized}: the API key is missing, malformed, unknown or revoked. */
public class UnauthorizedException extends SeedanceException {

  private static final long serialVersionUID = 1L;

  public UnauthorizedException(
      int httpStatus, String code, String message, String param, String requestId) {
    super(httpStatus, code, message, param, requestId);
  }
}
