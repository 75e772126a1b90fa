package seedance.sdk;

/** 402 {@code insufficient_credits}: the balance is too low; top up and retry with the same key. */
public class InsufficientCreditsException extends SeedanceException {

  private static final long serialVersionUID = 1L;

  public InsufficientCreditsException(
      int httpStatus, String code, String message, String param, String requestId) {
    super(httpStatus, code, message, param, requestId);
  }
}
