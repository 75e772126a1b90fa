package seedance.sdk;

/** The server could not be reached or the connection broke, after the retries ran out. */
public class ApiConnectionException extends SeedanceException {

  private static final long serialVersionUID = 1L;

  public ApiConnectionException(String message, Throwable cause) {
    super(0, "connection_error", message, null, null);
    initCause(cause);
  }
}
