package seedance.apikey;

import jakarta.servlet.http.HttpServletRequest;

/** Who is calling the public API: the key's owner account, the key itself and its mode. */
public record Caller(String accountId, String keyId, String mode) {

  private static final String ATTRIBUTE = Caller.class.getName();

  /**
   * The caller the authentication step attached to {@code request}; only absent outside {@code
   * /api/}.
   */
  public static Caller of(HttpServletRequest request) {
    Object caller = request.getAttribute(ATTRIBUTE);
    if (caller instanceof Caller c) {
      return c;
    }
    throw new IllegalStateException("request was not authenticated");
  }

  public void attachTo(HttpServletRequest request) {
    request.setAttribute(ATTRIBUTE, this);
  }
}
