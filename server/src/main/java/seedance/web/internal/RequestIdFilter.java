package seedance.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import seedance.web.RandomIds;
import seedance.web.RequestIds;

/** Gives every request an id, returned in {@code X-Request-Id} and inside every error body. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = RandomIds.next("req_", 20);
    request.setAttribute(RequestIds.ATTRIBUTE, id);
    response.setHeader("X-Request-Id", id);
    chain.doFilter(request, response);
  }
}
