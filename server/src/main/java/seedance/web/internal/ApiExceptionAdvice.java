package seedance.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import seedance.web.ApiException;
import seedance.web.ErrorBody;
import seedance.web.ErrorCode;
import seedance.web.RequestIds;

/**
 * The one place where exceptions become HTTP answers. Mapping is by {@link ErrorCode}, never by
 * exact class, and the message of an unexpected exception never reaches the client.
 */
@RestControllerAdvice
class ApiExceptionAdvice {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionAdvice.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ErrorBody> api(ApiException e, HttpServletRequest request) {
    if (e.code().status() >= 500) {
      log.error(
          "{} {} -> {}: {}",
          request.getMethod(),
          request.getRequestURI(),
          e.code().wire(),
          e.getMessage());
    } else {
      log.debug("{} {} -> {}", request.getMethod(), request.getRequestURI(), e.code().wire());
    }
    var headers = new HttpHeaders();
    e.headers().forEach(headers::set);
    return ResponseEntity.status(e.code().status())
        .headers(headers)
        .contentType(MediaType.APPLICATION_JSON)
        .body(ErrorBody.of(e.code(), e.getMessage(), e.param(), RequestIds.of(request)));
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ResponseEntity<ErrorBody> noRoute(Exception e, HttpServletRequest request) {
    return body(ErrorCode.NOT_FOUND, "no such endpoint", new HttpHeaders(), request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ErrorBody> method(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    var headers = new HttpHeaders();
    if (e.getSupportedHttpMethods() != null) {
      headers.setAllow(e.getSupportedHttpMethods());
    }
    return body(
        ErrorCode.METHOD_NOT_ALLOWED,
        "method " + e.getMethod() + " is not allowed on this path",
        headers,
        request);
  }

  @ExceptionHandler(HttpMediaTypeException.class)
  ResponseEntity<ErrorBody> mediaType(HttpMediaTypeException e, HttpServletRequest request) {
    return body(
        ErrorCode.INVALID_REQUEST,
        "Content-Type must be application/json",
        new HttpHeaders(),
        request);
  }

  @ExceptionHandler({
    PessimisticLockingFailureException.class,
    QueryTimeoutException.class,
    TransientDataAccessResourceException.class
  })
  ResponseEntity<ErrorBody> busy(Exception e, HttpServletRequest request) {
    log.warn(
        "{} {} -> service_busy: {}", request.getMethod(), request.getRequestURI(), e.toString());
    var headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, "1");
    return body(ErrorCode.SERVICE_BUSY, "the service is busy, retry shortly", headers, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorBody> unexpected(Exception e, HttpServletRequest request) {
    log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
    return body(ErrorCode.INTERNAL_ERROR, "internal error", new HttpHeaders(), request);
  }

  static ResponseEntity<ErrorBody> body(
      ErrorCode code, String message, HttpHeaders headers, HttpServletRequest request) {
    return ResponseEntity.status(code.status())
        .headers(headers)
        .contentType(MediaType.APPLICATION_JSON)
        .body(ErrorBody.of(code, message, null, RequestIds.of(request)));
  }
}
