package seedance.provider.internal.ark;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;
import seedance.provider.ProviderException;
import seedance.provider.ProviderException.Kind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Ark's errors (research §1.10) sorted by what the worker may safely do next (§7.4). */
final class ArkErrors {

  private ArkErrors() {}

  /**
   * Moderation codes, synchronous ({@code Input*SensitiveContentDetected*}, {@code *RiskDetection})
   * and task-level ({@code Output*SensitiveContentDetected*}).
   */
  static boolean isModeration(String code) {
    return code != null
        && (code.contains("SensitiveContentDetected") || code.contains("RiskDetection"));
  }

  /** An HTTP answer other than 2xx. Messages carry Ark's code and text, never our key. */
  static ProviderException fromResponse(
      String operation, int status, String body, JsonMapper json) {
    JsonNode error = parse(body, json).path("error");
    String code = error.path("code").asString("");
    String upstream = error.path("message").asString("");
    String message =
        "Ark "
            + operation
            + " answered HTTP "
            + status
            + (code.isEmpty() ? "" : " " + code)
            + (upstream.isEmpty() ? "" : ": " + upstream);
    if (isModeration(code)) {
      return new ProviderException(Kind.REJECTED, "content_rejected", message, null);
    }
    if (status == 400 && code.startsWith("InvalidEndpoint")) {
      // A closed endpoint is our configuration, not the user's input.
      return new ProviderException(Kind.ACCOUNT, null, message, null);
    }
    return switch (status) {
      case 400, 422 -> new ProviderException(Kind.REJECTED, "invalid_request", message, null);
      case 401, 402, 403, 404 -> new ProviderException(Kind.ACCOUNT, null, message, null);
      case 429 -> new ProviderException(Kind.THROTTLED, null, message, null);
      default -> new ProviderException(Kind.UPSTREAM_ERROR, null, message, null);
    };
  }

  /**
   * Connect-phase failures happen before a byte of the request is written; anything later (read
   * timeout, reset) may have reached Ark, and a create there may have started a paid task.
   */
  static ProviderException fromIo(String operation, IOException e) {
    Kind kind = beforeSending(e) ? Kind.NOT_SENT : Kind.AMBIGUOUS;
    String message = "Ark " + operation + " failed (" + kind + "): " + e.getClass().getSimpleName();
    return new ProviderException(kind, null, message, e);
  }

  private static boolean beforeSending(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof HttpConnectTimeoutException
          || t instanceof UnknownHostException
          || t instanceof UnresolvedAddressException
          || t instanceof SSLHandshakeException) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode parse(String body, JsonMapper json) {
    try {
      return json.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (JacksonException e) {
      return json.createObjectNode();
    }
  }
}
