package seedance.admin.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import seedance.apikey.AuthFailures;
import seedance.config.ServerSettings;
import seedance.web.ApiException;
import seedance.web.ErrorCode;

/**
 * The operator API answers only {@code Authorization: Bearer $SEEDANCE_ADMIN_TOKEN}. With no token
 * configured the operator API is closed.
 */
@Component
class AdminAuthInterceptor implements HandlerInterceptor {

  private final byte[] tokenDigest;
  private final AuthFailures failures;

  AdminAuthInterceptor(ServerSettings settings, AuthFailures failures) {
    this.failures = failures;
    String token = settings.adminToken();
    this.tokenDigest = token == null || token.isBlank() ? null : sha256(token);
  }

  boolean enabled() {
    return tokenDigest != null;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    failures.requireNotBlocked(request);
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    boolean ok =
        tokenDigest != null
            && authorization != null
            && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            // Digests have a fixed length, so the comparison takes the same time for any guess.
            && MessageDigest.isEqual(tokenDigest, sha256(authorization.substring(7)));
    if (!ok) {
      failures.recordFailure(request);
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      throw new ApiException(ErrorCode.UNAUTHORIZED, "invalid or missing admin token");
    }
    return true;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
