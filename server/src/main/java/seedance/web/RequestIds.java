package seedance.web;

import jakarta.servlet.http.HttpServletRequest;

/** The id of the request being served, set by the request id filter for every request. */
public final class RequestIds {

  public static final String ATTRIBUTE = "seedance.requestId";

  private RequestIds() {}

  public static String of(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    return id == null ? null : id.toString();
  }
}
