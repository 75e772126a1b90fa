package seedance.web;

/**
 * The closed vocabulary of error codes a client can see. The first eight are the public contract's
 * table; the last two exist for the operator API and for HTTP methods a path does not support.
 */
public enum ErrorCode {
  UNAUTHORIZED("unauthorized", 401),
  INVALID_REQUEST("invalid_request", 400),
  INSUFFICIENT_CREDITS("insufficient_credits", 402),
  RATE_LIMITED("rate_limited", 429),
  IDEMPOTENCY_CONFLICT("idempotency_conflict", 409),
  SERVICE_BUSY("service_busy", 503),
  NOT_FOUND("not_found", 404),
  INTERNAL_ERROR("internal_error", 500),
  ALREADY_EXISTS("already_exists", 409),
  METHOD_NOT_ALLOWED("method_not_allowed", 405);

  private final String wire;
  private final int status;

  ErrorCode(String wire, int status) {
    this.wire = wire;
    this.status = status;
  }

  /** The code as it appears in {@code error.code}. */
  public String wire() {
    return wire;
  }

  public int status() {
    return status;
  }
}
