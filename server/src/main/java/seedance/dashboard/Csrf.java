package seedance.dashboard;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The CSRF token of the current page request. Forms made with {@code th:action} carry it in the
 * field {@value #FIELD} by themselves; scripts send it in the header {@value #HEADER} (the layout
 * puts it in {@code <meta name="csrf-token">}).
 */
public final class Csrf {

  public static final String FIELD = "_csrf";
  public static final String HEADER = "X-CSRF-Token";
  public static final String ATTRIBUTE = Csrf.class.getName();

  private Csrf() {}

  public static String token(HttpServletRequest request) {
    return (String) request.getAttribute(ATTRIBUTE);
  }
}
