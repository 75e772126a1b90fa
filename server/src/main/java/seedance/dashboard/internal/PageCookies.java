package seedance.dashboard.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import seedance.account.WebSessions;
import seedance.config.ServerSettings;
import seedance.web.RandomIds;

/**
 * The dashboard's cookies: always HttpOnly and SameSite=Lax, Secure when the request came over
 * https or the public URL is https (a TLS proxy in front).
 */
@Component
class PageCookies {

  static final String SESSION = "sd_session";
  static final String CSRF = "sd_csrf";

  private final boolean httpsPublicUrl;
  private final WebSessions sessions;

  PageCookies(ServerSettings settings, WebSessions sessions) {
    this.sessions = sessions;
    this.httpsPublicUrl =
        settings.publicUrl() != null && settings.publicUrl().startsWith("https://");
  }

  /**
   * Puts a just-started session in the browser. Signing in always makes a new session id and a new
   * CSRF cookie and ends the session the browser came with, so an id planted before sign-in
   * (session fixation) is worth nothing.
   */
  void begin(
      HttpServletRequest request, HttpServletResponse response, String sessionId, Duration ttl) {
    sessions.end(read(request, SESSION));
    write(request, response, SESSION, sessionId, ttl);
    write(request, response, CSRF, RandomIds.next("", 36));
  }

  /** Ends the browser's session, in the database and in the browser. */
  void end(HttpServletRequest request, HttpServletResponse response) {
    sessions.end(read(request, SESSION));
    clear(request, response, SESSION);
  }

  static String read(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    String found = null;
    for (Cookie cookie : cookies) {
      if (cookie.getName().equals(name)) {
        if (found != null) {
          // Two cookies of one name (one planted for a narrower path or a parent domain): trust
          // none.
          return null;
        }
        found = cookie.getValue();
      }
    }
    return found;
  }

  void write(HttpServletRequest request, HttpServletResponse response, String name, String value) {
    write(request, response, name, value, null);
  }

  void write(
      HttpServletRequest request,
      HttpServletResponse response,
      String name,
      String value,
      Duration maxAge) {
    var cookie =
        ResponseCookie.from(name, value)
            .path("/")
            .httpOnly(true)
            .sameSite("Lax")
            .secure(request.isSecure() || httpsPublicUrl);
    if (maxAge != null) {
      cookie.maxAge(maxAge);
    }
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
  }

  void clear(HttpServletRequest request, HttpServletResponse response, String name) {
    write(request, response, name, "", Duration.ZERO);
  }
}
