package seedance.dashboard.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import seedance.dashboard.PageController;
import seedance.dashboard.PageError;
import seedance.web.ApiException;

/**
 * Errors of pages as HTML pages in the reader's language. Ordered before the API's advice, and
 * limited to {@link PageController}s, so API errors keep their JSON envelope.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorAdvice {

  private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);

  @ExceptionHandler(PageError.class)
  ModelAndView page(PageError e, HttpServletRequest request, HttpServletResponse response) {
    return render(e.status(), e.key(), request, response);
  }

  @ExceptionHandler(ApiException.class)
  ModelAndView api(ApiException e, HttpServletRequest request, HttpServletResponse response) {
    int status = e.code().status();
    String key =
        switch (status) {
          case 404 -> "error.not-found";
          case 429 -> "error.busy";
          case 503 -> "error.busy";
          default -> status >= 500 ? "error.internal" : "error.bad-request";
        };
    e.headers().forEach(response::setHeader);
    return render(status, key, request, response);
  }

  @ExceptionHandler(Exception.class)
  ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
    log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
    return render(500, "error.internal", request, response);
  }

  static ModelAndView render(
      int status, String key, HttpServletRequest request, HttpServletResponse response) {
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    var page = new ModelAndView("error-page");
    page.addObject("status", status);
    page.addObject("messageKey", key);
    PageModel.addCommon(request, page.getModel());
    return page;
  }
}
