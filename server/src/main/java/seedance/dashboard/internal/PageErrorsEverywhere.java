package seedance.dashboard.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import seedance.dashboard.PageError;

/**
 * A {@link PageError} from the page interceptor (a refused CSRF token) is a page whichever
 * controller the path leads to. Only page code throws it, so the API never sees this.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageErrorsEverywhere {

  @ExceptionHandler(PageError.class)
  ModelAndView page(PageError e, HttpServletRequest request, HttpServletResponse response) {
    return PageErrorAdvice.render(e.status(), e.key(), request, response);
  }
}
