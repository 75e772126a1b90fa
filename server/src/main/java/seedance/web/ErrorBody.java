package seedance.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The error envelope of the contract: {@code {"error":{"code","message",...}}}. */
public record ErrorBody(Detail error) {

  /**
   * {@code param} names the offending field when there is one; {@code request_id} ties the error to
   * logs.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Detail(String code, String message, String param, String request_id) {}

  public static ErrorBody of(ErrorCode code, String message, String param, String requestId) {
    return new ErrorBody(new Detail(code.wire(), message, param, requestId));
  }
}
