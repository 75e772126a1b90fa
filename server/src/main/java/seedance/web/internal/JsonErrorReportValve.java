package seedance.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat answers some malformed requests itself, before any servlet runs (an encoded slash in the
 * path, oversized headers, illegal characters). Its default page is HTML naming the server; this
 * writes the API's error envelope instead.
 */
public class JsonErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    String code =
        switch (status) {
          case 401 -> "unauthorized";
          case 404 -> "not_found";
          case 405 -> "method_not_allowed";
          case 429 -> "rate_limited";
          case 503 -> "service_busy";
          default -> status < 500 ? "invalid_request" : "internal_error";
        };
    String message = status < 500 ? "invalid request" : "internal error";
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      var writer = response.getReporter();
      if (writer != null) {
        writer.write("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}");
      }
    } catch (IOException | IllegalStateException e) {
      // The connection is already broken; nothing more can be said to this client.
    }
  }
}
