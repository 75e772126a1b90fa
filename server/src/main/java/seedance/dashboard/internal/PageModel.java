package seedance.dashboard.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.servlet.support.RequestContextUtils;
import seedance.dashboard.Csrf;
import seedance.dashboard.SignedIn;

/** What the layout needs on every page: who is signed in, the CSRF token, the path, language. */
final class PageModel {

  private PageModel() {}

  static void addCommon(HttpServletRequest request, Map<String, Object> model) {
    model.putIfAbsent("signedIn", SignedIn.find(request).orElse(null));
    model.putIfAbsent("csrfToken", Csrf.token(request));
    String path = request.getRequestURI().substring(request.getContextPath().length());
    model.putIfAbsent("currentPath", path);
    var locale = RequestContextUtils.getLocale(request);
    model.putIfAbsent("lang", LanguageResolver.supported(locale).getLanguage());
  }
}
