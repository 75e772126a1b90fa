package seedance.web;

import java.util.Map;

/**
 * The one exception features throw to answer a client with an error. Its message is shown to the
 * client, so it must never carry internal detail; {@code headers} are added to the response (for
 * example {@code Retry-After}).
 */
public class ApiException extends RuntimeException {

  private final ErrorCode code;
  private final Map<String, String> headers;
  private final String param;

  public ApiException(ErrorCode code, String message) {
    this(code, message, Map.of(), null);
  }

  public ApiException(ErrorCode code, String message, Map<String, String> headers) {
    this(code, message, headers, null);
  }

  private ApiException(ErrorCode code, String message, Map<String, String> headers, String param) {
    super(message, null, false, false);
    this.code = code;
    this.headers = Map.copyOf(headers);
    this.param = param;
  }

  /** A 400 about one request field, named to the client in {@code error.param}. */
  public static ApiException invalidField(String field, String message) {
    return new ApiException(ErrorCode.INVALID_REQUEST, message, Map.of(), field);
  }

  public static ApiException invalid(String message) {
    return new ApiException(ErrorCode.INVALID_REQUEST, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(ErrorCode.NOT_FOUND, message);
  }

  public static ApiException busy(String message) {
    return new ApiException(ErrorCode.SERVICE_BUSY, message, Map.of("Retry-After", "1"));
  }

  public ErrorCode code() {
    return code;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** The request field the error is about, or null. */
  public String param() {
    return param;
  }
}
