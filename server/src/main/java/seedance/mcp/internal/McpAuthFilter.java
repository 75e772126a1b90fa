package seedance.mcp.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import seedance.apikey.ApiKeys;
import seedance.web.ErrorBody;
import seedance.web.ErrorCode;
import seedance.web.RequestIds;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same Bearer check as {@code /api/}: one Authorization header with a valid, unrevoked key, or
 * the same uniform 401 in the error envelope. The MCP servlet never sees an anonymous request.
 */
class McpAuthFilter extends OncePerRequestFilter {

  private final ApiKeys keys;
  private final JsonMapper json;

  McpAuthFilter(ApiKeys keys, JsonMapper json) {
    this.keys = keys;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var authorizations = request.getHeaders(HttpHeaders.AUTHORIZATION);
    String authorization = authorizations.hasMoreElements() ? authorizations.nextElement() : null;
    if (authorizations.hasMoreElements()) {
      authorization = null;
    }
    var caller = keys.authenticate(authorization);
    if (caller.isEmpty()) {
      response.setStatus(ErrorCode.UNAUTHORIZED.status());
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      var body =
          ErrorBody.of(
              ErrorCode.UNAUTHORIZED, "invalid or missing API key", null, RequestIds.of(request));
      response.getOutputStream().write(json.writeValueAsBytes(body));
      return;
    }
    caller.get().attachTo(request);
    chain.doFilter(request, response);
  }
}
