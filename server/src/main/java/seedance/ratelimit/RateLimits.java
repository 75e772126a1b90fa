package seedance.ratelimit;

/**
 * The account's request limit (30 per trailing 60 s), for ways in other than the REST API's
 * interceptor (the MCP tools): one call counts as one request against the same shared window.
 */
public interface RateLimits {

  /**
   * Counts one request of {@code accountId}, or throws the REST API's errors: 429 {@code
   * rate_limited} with {@code Retry-After} when over the limit; 503 {@code service_busy} for a
   * {@code write} when the limiter's store fails (a read is then let through).
   */
  void admit(String accountId, boolean write);
}
