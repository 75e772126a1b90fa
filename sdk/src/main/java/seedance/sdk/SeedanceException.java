package seedance.sdk;

/**
 * An error answer of the API, after any retries. Each error code of the contract has its own
 * subclass; an unknown code arrives as this class itself.
 */
public class SeedanceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String code;
  private final String param;
  private final String requestId;

  public SeedanceException(
      int httpStatus, String code, String message, String param, String requestId) {
    super(message);
    this.httpStatus = httpStatus;
    this.code = code;
    this.param = param;
    this.requestId = requestId;
  }

  /** The HTTP status, or 0 when no answer arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The contract's error code, e.g. {@code invalid_request}. */
  public String code() {
    return code;
  }

  /** The offending field of a 400, or null. */
  public String param() {
    return param;
  }

  /** The server's request id (also in the {@code X-Request-Id} header), for support; or null. */
  public String requestId() {
    return requestId;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "["
        + httpStatus
        + " "
        + code
        + (param == null ? "" : " param=" + param)
        + (requestId == null ? "" : " request_id=" + requestId)
        + "]: "
        + getMessage();
  }
}
