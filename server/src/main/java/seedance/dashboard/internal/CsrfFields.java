package seedance.dashboard.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.servlet.support.RequestDataValueProcessor;
import seedance.dashboard.Csrf;

/**
 * Adds the CSRF field to every form a template writes with {@code th:action}, so no page can forget
 * it. GET forms get none: the token must never end up in a URL.
 */
class CsrfFields implements RequestDataValueProcessor {

  private static final String METHOD = CsrfFields.class.getName() + ".method";

  @Override
  public String processAction(HttpServletRequest request, String action, String httpMethod) {
    request.setAttribute(METHOD, httpMethod);
    return action;
  }

  @Override
  public String processFormFieldValue(
      HttpServletRequest request, String name, String value, String type) {
    return value;
  }

  @Override
  public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
    Object method = request.getAttribute(METHOD);
    request.removeAttribute(METHOD);
    String token = Csrf.token(request);
    if (token == null || method == null || "GET".equalsIgnoreCase(method.toString())) {
      return Map.of();
    }
    return Map.of(Csrf.FIELD, token);
  }

  @Override
  public String processUrl(HttpServletRequest request, String url) {
    return url;
  }
}
