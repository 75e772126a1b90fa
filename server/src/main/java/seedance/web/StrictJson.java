package seedance.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON request body with no leniency at all: the declared type must be JSON, the body must
 * be valid UTF-8 within a size cap, hold exactly one JSON object, and have no duplicate keys.
 * Spring's own Jackson setup ignores unknown fields and coerces scalars, which is why request
 * bodies go through here instead.
 */
public final class StrictJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private StrictJson() {}

  /**
   * Reads and parses the body of {@code request} into an object, or throws a 400 naming the
   * problem.
   */
  public static JsonObject readObject(HttpServletRequest request, int maxBytes) {
    requireJsonContentType(request.getContentType());
    return parseObject(readCapped(request, maxBytes));
  }

  public static JsonObject parseObject(byte[] body) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw ApiException.invalid("request body is not valid UTF-8");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw ApiException.invalid(describe(e));
    }
    if (node == null || node.isMissingNode()) {
      throw ApiException.invalid("request body is empty: send a JSON object");
    }
    if (!node.isObject()) {
      throw ApiException.invalid("request body must be a JSON object");
    }
    return new JsonObject(node);
  }

  static void requireJsonContentType(String contentType) {
    if (contentType == null) {
      throw ApiException.invalid("Content-Type must be application/json");
    }
    String[] parts = contentType.split(";");
    if (!parts[0].trim().equalsIgnoreCase("application/json")) {
      throw ApiException.invalid("Content-Type must be application/json");
    }
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
      if (param.startsWith("charset=")
          && !param.equals("charset=utf-8")
          && !param.equals("charset=\"utf-8\"")) {
        throw ApiException.invalid("Content-Type charset must be utf-8");
      }
    }
  }

  private static byte[] readCapped(HttpServletRequest request, int maxBytes) {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      throw ApiException.invalid("request body too large: at most " + maxBytes + " bytes");
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        throw ApiException.invalid("request body too large: at most " + maxBytes + " bytes");
      }
      return body;
    } catch (IOException e) {
      throw ApiException.invalid("request body could not be read");
    }
  }

  private static String describe(JacksonException e) {
    String original = e.getOriginalMessage();
    if (original != null && original.startsWith("Duplicate Object property")) {
      return "request body has a duplicate field" + quotedName(original);
    }
    if (original != null && original.contains("Trailing token")) {
      return "request body has data after the JSON object";
    }
    var location = e.getLocation();
    return location == null
        ? "request body is not valid JSON"
        : "request body is not valid JSON (line "
            + location.getLineNr()
            + ", column "
            + location.getColumnNr()
            + ")";
  }

  private static String quotedName(String message) {
    int open = message.indexOf('"');
    int close = message.indexOf('"', open + 1);
    if (open < 0 || close < 0 || close - open > 80) {
      return "";
    }
    return ": " + message.substring(open + 1, close);
  }
}
