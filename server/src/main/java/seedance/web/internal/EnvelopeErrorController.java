package seedance.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import seedance.web.ErrorBody;
import seedance.web.ErrorCode;
import seedance.web.RandomIds;
import seedance.web.RequestIds;

/**
 * Answers errors that never reached a controller (the servlet container's own 400/404/500) in the
 * same envelope, so no client ever sees Spring's default error page or a stack trace.
 */
@RestController
class EnvelopeErrorController implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ErrorBody> error(HttpServletRequest request, HttpServletResponse response) {
    if (RequestIds.of(request) == null) {
      // The container refused the request before the request id filter ran (e.g. TRACE).
      String id = RandomIds.next("req_", 20);
      request.setAttribute(RequestIds.ATTRIBUTE, id);
      response.setHeader("X-Request-Id", id);
    }
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // No error status: a client asked for /error itself, which is not an endpoint.
    int code = status == null ? 404 : status instanceof Integer i ? i : 500;
    ErrorCode errorCode =
        switch (code) {
          case 400, 413, 414, 431 -> ErrorCode.INVALID_REQUEST;
          case 401 -> ErrorCode.UNAUTHORIZED;
          case 404 -> ErrorCode.NOT_FOUND;
          case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
          default -> ErrorCode.INTERNAL_ERROR;
        };
    String message =
        switch (errorCode) {
          case INVALID_REQUEST -> "invalid request";
          case NOT_FOUND -> "no such endpoint";
          case UNAUTHORIZED -> "invalid or missing API key";
          case METHOD_NOT_ALLOWED -> "method not allowed on this path";
          default -> "internal error";
        };
    return ApiExceptionAdvice.body(errorCode, message, new HttpHeaders(), request);
  }
}
