package seedance.dashboard.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import seedance.account.Accounts;
import seedance.account.WebSessions;
import seedance.config.ServerSecret;
import seedance.dashboard.Csrf;
import seedance.dashboard.PageError;
import seedance.dashboard.PagePaths;
import seedance.dashboard.SignedIn;
import seedance.web.RandomIds;

/**
 * Runs before every page: reads the session cookie, applies the language switch, makes the CSRF
 * token and refuses unsafe requests without it, and sends visitors who are not signed in to the
 * right sign-in page.
 */
@Component
class PageInterceptor implements HandlerInterceptor {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final WebSessions sessions;
  private final Accounts accounts;
  private final ServerSecret secret;
  private final PageCookies cookies;
  private final LocaleResolver locales;

  PageInterceptor(
      WebSessions sessions,
      Accounts accounts,
      ServerSecret secret,
      PageCookies cookies,
      LocaleResolver locales) {
    this.sessions = sessions;
    this.accounts = accounts;
    this.secret = secret;
    this.cookies = cookies;
    this.locales = locales;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String lang = request.getParameter("lang");
    if (lang != null && (lang.equals("en") || lang.equals("tr"))) {
      locales.setLocale(request, response, Locale.forLanguageTag(lang));
    }
    String sessionId = PageCookies.read(request, PageCookies.SESSION);
    var signedIn =
        sessions
            .find(sessionId)
            .flatMap(
                s ->
                    s.operator()
                        ? java.util.Optional.of(new SignedIn(null, null, true))
                        : accounts
                            .find(s.accountId())
                            .map(a -> new SignedIn(a.id(), a.email(), false)));
    signedIn.ifPresent(s -> s.attachTo(request));

    String csrfCookie = PageCookies.read(request, PageCookies.CSRF);
    if (csrfCookie == null || csrfCookie.length() != 36) {
      csrfCookie = RandomIds.next("", 36);
      cookies.write(request, response, PageCookies.CSRF, csrfCookie);
      request.setAttribute(PageCookies.CSRF, csrfCookie);
    }
    String token = csrfToken(csrfCookie, signedIn.isPresent() ? sessionId : "");
    request.setAttribute(Csrf.ATTRIBUTE, token);
    if (!SAFE_METHODS.contains(request.getMethod())) {
      String sent = request.getHeader(Csrf.HEADER);
      if (sent == null) {
        sent = request.getParameter(Csrf.FIELD);
      }
      if (sent == null
          || !MessageDigest.isEqual(
              sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
        throw new PageError(403, "error.csrf");
      }
    }

    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean accountPage = path.equals("/dashboard") || path.startsWith("/dashboard/");
    boolean operatorPage =
        (path.equals("/admin") || path.startsWith("/admin/"))
            && !path.equals(PagePaths.OPERATOR_LOGIN);
    if (accountPage && signedIn.map(SignedIn::accountId).isEmpty()) {
      return redirectToSignIn(request, response, "/login");
    }
    if (operatorPage && !signedIn.map(SignedIn::operator).orElse(false)) {
      return redirectToSignIn(request, response, PagePaths.OPERATOR_LOGIN);
    }
    if (handler instanceof ResourceHttpRequestHandler) {
      // No page has this path (static files live outside the page paths): a 404 page, not JSON.
      throw PageError.notFound();
    }
    return true;
  }

  @Override
  public void postHandle(
      HttpServletRequest request,
      HttpServletResponse response,
      Object handler,
      ModelAndView modelAndView) {
    if (modelAndView != null
        && modelAndView.getViewName() != null
        && !modelAndView.getViewName().startsWith("redirect:")) {
      PageModel.addCommon(request, modelAndView.getModelMap());
    }
    // Pages show balances and, once, secrets: never keep them in a cache.
    response.setHeader("Cache-Control", "no-store");
  }

  /**
   * A signed double-submit token: bound to the browser's random {@code sd_csrf} cookie and to its
   * session, so neither a planted cookie nor an old page from before sign-in can be replayed.
   */
  String csrfToken(String csrfCookie, String sessionId) {
    return secret.hmacHex("csrf", csrfCookie + "|" + (sessionId == null ? "" : sessionId));
  }

  private static boolean redirectToSignIn(
      HttpServletRequest request, HttpServletResponse response, String to) {
    String next = request.getRequestURI();
    if (request.getQueryString() != null) {
      next += "?" + request.getQueryString();
    }
    response.setStatus(303);
    response.setHeader(
        "Location",
        to
            + ("GET".equals(request.getMethod())
                ? "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)
                : ""));
    return false;
  }
}
