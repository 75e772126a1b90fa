package seedance.apikey.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import seedance.apikey.ApiKeys;
import seedance.apikey.AuthFailures;
import seedance.web.ApiException;
import seedance.web.ErrorCode;

/** The first step of every public API request: a valid, unrevoked Bearer key or one uniform 401. */
@Component
class ApiAuthInterceptor implements HandlerInterceptor {

  private final ApiKeys keys;
  private final AuthFailures failures;

  ApiAuthInterceptor(ApiKeys keys, AuthFailures failures) {
    this.keys = keys;
    this.failures = failures;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    failures.requireNotBlocked(request);
    var authorizations = request.getHeaders(HttpHeaders.AUTHORIZATION);
    String authorization = authorizations.hasMoreElements() ? authorizations.nextElement() : null;
    if (authorizations.hasMoreElements()) {
      authorization = null;
    }
    var caller = keys.authenticate(authorization);
    if (caller.isEmpty()) {
      failures.recordFailure(request);
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      throw new ApiException(ErrorCode.UNAUTHORIZED, "invalid or missing API key");
    }
    caller.get().attachTo(request);
    return true;
  }
}
