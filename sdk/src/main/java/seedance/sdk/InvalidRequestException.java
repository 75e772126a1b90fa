package seedance.sdk;

/** 400 {@code invalid_request}: bad input; {@link #param()} names the field when there is one. */
public class InvalidRequestException extends SeedanceException {

  private static final long serialVersionUID = 1L;

  public InvalidRequestException(
      int httpStatus, String code, String message, String param, String requestId) {
    super(httpStatus, code, message, param, requestId);
  }
}
