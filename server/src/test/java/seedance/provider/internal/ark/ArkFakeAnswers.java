package seedance.provider.internal.ark;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** How the fake Ark answers: JSON bodies, and errors in Ark's shape (research §1.10). */
final class ArkFakeAnswers {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ArkFakeAnswers() {}

  static void error(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("error")
        .put("code", code)
        .put("message", message)
        .put("param", "")
        .put("type", status == 429 ? "TooManyRequests" : "Error");
    send(exchange, status, body);
  }

  static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
