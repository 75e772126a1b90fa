package seedance.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the server under test: what a user's own code would send. */
public final class Api {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  /** A response as the client sees it. */
  public record Response(int status, java.net.http.HttpHeaders headers, String text) {
    public JsonNode json() {
      return JSON.readTree(text);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public String errorCode() {
      return json().path("error").path("code").asString();
    }

    public String errorMessage() {
      return json().path("error").path("message").asString();
    }
  }

  /** An account made through the operator API, with one live key. */
  public record Customer(String accountId, String key) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String adminToken;

  public Api(String base, String adminToken) {
    this.base = base;
    this.adminToken = adminToken;
  }

  public String base() {
    return base;
  }

  public Customer newCustomer(long credits) {
    String accountId = createAccount("u" + UUID.randomUUID() + "@example.com", credits);
    return new Customer(accountId, createKey(accountId, "test"));
  }

  public String createAccount(String email, long credits) {
    var r =
        send(
            "POST",
            "/admin/v1/accounts",
            Map.of("Authorization", "Bearer " + adminToken, "Content-Type", "application/json"),
            "{\"email\":\"" + email + "\",\"credits\":" + credits + "}");
    require(r, 201);
    return r.json().path("id").asString();
  }

  public String createKey(String accountId, String name) {
    var r =
        admin("POST", "/admin/v1/accounts/" + accountId + "/keys", "{\"name\":\"" + name + "\"}");
    require(r, 201);
    return r.json().path("key").asString();
  }

  public Response admin(String method, String path, String body) {
    return send(
        method,
        path,
        Map.of("Authorization", "Bearer " + adminToken, "Content-Type", "application/json"),
        body);
  }

  public Response submit(String key, String idempotencyKey, String body) {
    return send(
        "POST",
        "/api/v1/video/seedance2",
        Map.of(
            "Authorization",
            "Bearer " + key,
            "Content-Type",
            "application/json",
            "Idempotency-Key",
            idempotencyKey),
        body);
  }

  public Response get(String key, String path) {
    return send("GET", path, Map.of("Authorization", "Bearer " + key), null);
  }

  public long balance(String key) {
    var r = get(key, "/api/v1/account");
    require(r, 200);
    return r.json().path("balance").asLong();
  }

  public Response send(String method, String path, Map<String, String> headers, String body) {
    return sendBytes(
        method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  public Response sendBytes(String method, String path, Map<String, String> headers, byte[] body) {
    return sendRaw(
        method,
        path,
        headers.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList(),
        body);
  }

  /** Sends headers as given, repeated names included. */
  public Response sendRaw(String method, String path, List<List<String>> headers, byte[] body) {
    var builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (var header : headers) {
      builder.header(header.get(0), header.get(1));
    }
    try {
      var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void require(Response r, int status) {
    if (r.status() != status) {
      throw new AssertionError("expected " + status + " but got " + r.status() + ": " + r.text());
    }
  }
}
