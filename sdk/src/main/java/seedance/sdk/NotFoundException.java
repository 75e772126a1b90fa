package seedance.sdk;

/** 404 {@code not_found}: the task does not exist or belongs to another account. */
public class NotFoundException extends SeedanceException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(
      int httpStatus, String code, String message, String param, String requestId) {
    super(httpStatus, code, message, param, requestId);
  }
}
