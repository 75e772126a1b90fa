package seedance.dashboard;

/**
 * Ends a page request with an HTML error page: {@code status} and a message key of the bundles
 * ({@code error.not-found}, {@code error.forbidden}, ...).
 */
public class PageError extends RuntimeException {

  private final int status;
  private final String key;

  public PageError(int status, String key) {
    super(key, null, false, false);
    this.status = status;
    this.key = key;
  }

  /** The same page for a missing thing and another account's thing: nothing to learn from it. */
  public static PageError notFound() {
    return new PageError(404, "error.not-found");
  }

  public int status() {
    return status;
  }

  public String key() {
    return key;
  }
}
