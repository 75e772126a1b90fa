package seedance.provider;

/**
 * A provider call that did not give an answer the worker can use, classified by what may safely
 * happen next. Adapters must pick the kind honestly: only {@link Kind#NOT_SENT} may be retried
 * blindly, because a repeated create call at a paid upstream can be charged twice.
 */
public class ProviderException extends RuntimeException {

  public enum Kind {
    /**
     * Failed provably before the request was written (DNS, connection refused, TLS): safe to retry.
     */
    NOT_SENT,
    /**
     * The request may have reached the upstream (timeout or reset after sending): reconcile first.
     */
    AMBIGUOUS,
    /** The upstream refused the request itself (validation, moderation): fail the task, refund. */
    REJECTED,
    /**
     * Our own account's problem at the upstream (401/403/402/quota/model not enabled): try another
     * route.
     */
    ACCOUNT,
    /**
     * The upstream asked us to slow down (429): back off, maybe fail over; never the user's 429.
     */
    THROTTLED,
    /** The upstream answered with a server error after receiving the request. */
    UPSTREAM_ERROR
  }

  private final Kind kind;
  private final String code;
  private final java.time.Duration retryAfter;

  /** {@code code} is the public error code to fail a task with (used for REJECTED), or null. */
  public ProviderException(Kind kind, String code, String message, Throwable cause) {
    this(kind, code, message, cause, null);
  }

  /** {@code retryAfter}: how long the upstream asked us to wait (its Retry-After), or null. */
  public ProviderException(
      Kind kind, String code, String message, Throwable cause, java.time.Duration retryAfter) {
    super(message, cause);
    this.kind = kind;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  /** The wait the upstream asked for, or null when it named none. */
  public java.time.Duration retryAfter() {
    return retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }
}
