package seedance.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One API call with the retry rules applied; errors become the exception of their code. */
final class ApiHttp {

  static final String USER_AGENT = "seedance-java/0.1.0";

  record Response(int status, HttpHeaders headers, String body) {}

  private final HttpClient http;
  private final URI baseUrl;
  private final String apiKey;
  private final Duration requestTimeout;
  private final Retrying retrying;
  private final JsonMapper json;

  ApiHttp(
      HttpClient http,
      URI baseUrl,
      String apiKey,
      Duration requestTimeout,
      Retrying retrying,
      JsonMapper json) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.requestTimeout = requestTimeout;
    this.retrying = retrying;
    this.json = json;
  }

  JsonMapper json() {
    return json;
  }

  /**
   * Sends {@code method path} with the API key, retrying as {@link Retrying} says; the same {@code
   * headers} (an Idempotency-Key among them) go out on every attempt.
   */
  Response call(String method, String path, String body, Map<String, String> headers) {
    URI uri = baseUrl.resolve(path);
    for (int retry = 0; ; retry++) {
      var builder =
          HttpRequest.newBuilder(uri)
              .timeout(requestTimeout)
              .header("Authorization", "Bearer " + apiKey)
              .header("Accept", "application/json")
              .header("User-Agent", USER_AGENT);
      headers.forEach(builder::header);
      if (body == null) {
        builder.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        builder
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      }
      HttpResponse<String> response;
      try {
        response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (retry < retrying.maxRetries()) {
          Retrying.sleep(retrying.backoff(retry));
          continue;
        }
        throw new ApiConnectionException(method + " " + uri + " failed: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiConnectionException("interrupted", e);
      }
      int status = response.statusCode();
      if (status < 300) {
        return new Response(status, response.headers(), response.body());
      }
      if (Retrying.retryableStatus(status) && retry < retrying.maxRetries()) {
        Retrying.sleep(retrying.delay(retry, retryAfter(response.headers())));
        continue;
      }
      throw error(status, response.headers(), response.body());
    }
  }

  /**
   * Downloads an output link. The link is signed, so the API key is not sent: it may point at
   * another host than the API.
   */
  InputStream download(URI uri) {
    for (int retry = 0; ; retry++) {
      var request =
          HttpRequest.newBuilder(uri).timeout(requestTimeout).header("User-Agent", USER_AGENT);
      HttpResponse<InputStream> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        if (retry < retrying.maxRetries()) {
          Retrying.sleep(retrying.backoff(retry));
          continue;
        }
        throw new ApiConnectionException("download failed: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiConnectionException("interrupted", e);
      }
      int status = response.statusCode();
      if (status == 200) {
        return response.body();
      }
      String text;
      try (InputStream in = response.body()) {
        text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      } catch (IOException e) {
        text = "";
      }
      if (Retrying.retryableStatus(status) && retry < retrying.maxRetries()) {
        Retrying.sleep(retrying.delay(retry, retryAfter(response.headers())));
        continue;
      }
      throw error(status, response.headers(), text);
    }
  }

  private static Duration retryAfter(HttpHeaders headers) {
    return headers
        .firstValue("Retry-After")
        .map(
            value -> {
              try {
                long seconds = Long.parseLong(value.trim());
                return seconds < 0 ? null : Duration.ofSeconds(seconds);
              } catch (NumberFormatException notSeconds) {
                return null; // an HTTP date: our own backoff applies
              }
            })
        .orElse(null);
  }

  private SeedanceException error(int status, HttpHeaders headers, String body) {
    String code = null;
    String message = null;
    String param = null;
    String requestId = headers.firstValue("X-Request-Id").orElse(null);
    try {
      JsonNode error = json.readTree(body).path("error");
      if (error.isObject()) {
        code = text(error, "code");
        message = text(error, "message");
        param = text(error, "param");
        String id = text(error, "request_id");
        requestId = id == null ? requestId : id;
      }
    } catch (RuntimeException notJson) {
      // a proxy's HTML page, say: fall back to the status
    }
    if (code == null) {
      code = codeOf(status);
    }
    if (message == null) {
      message = "HTTP " + status;
    }
    Duration retryAfter = retryAfter(headers);
    return switch (code) {
      case "unauthorized" -> new UnauthorizedException(status, code, message, param, requestId);
      case "invalid_request" ->
          new InvalidRequestException(status, code, message, param, requestId);
      case "insufficient_credits" ->
          new InsufficientCreditsException(status, code, message, param, requestId);
      case "rate_limited" ->
          new RateLimitedException(status, code, message, param, requestId, retryAfter);
      case "idempotency_conflict" ->
          new IdempotencyConflictException(status, code, message, param, requestId);
      case "service_busy" ->
          new ServiceBusyException(status, code, message, param, requestId, retryAfter);
      case "not_found" -> new NotFoundException(status, code, message, param, requestId);
      case "internal_error" -> new InternalErrorException(status, code, message, param, requestId);
      default -> new SeedanceException(status, code, message, param, requestId);
    };
  }

  private static String codeOf(int status) {
    return switch (status) {
      case 400 -> "invalid_request";
      case 401 -> "unauthorized";
      case 402 -> "insufficient_credits";
      case 404 -> "not_found";
      case 409 -> "idempotency_conflict";
      case 429 -> "rate_limited";
      case 503 -> "service_busy";
      default -> status >= 500 ? "internal_error" : "http_" + status;
    };
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isString() ? null : value.asString();
  }
}
