package seedance.provider.internal.replicate;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;
import seedance.provider.ProviderException;
import seedance.provider.ProviderException.Kind;
import seedance.provider.RetryAfter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replicate's HTTP API: sends one call and turns every way it can go wrong into a {@link
 * ProviderException} whose kind says whether the call may have reached Replicate. Messages carry
 * the call and Replicate's own error text, never the token.
 */
final class ReplicateHttp {

  private static final int MAX_DETAIL = 500;

  private final ReplicateSettings settings;
  private final HttpClient client;
  private final JsonMapper json = JsonMapper.builder().build();

  ReplicateHttp(ReplicateSettings settings) {
    this.settings = settings;
    // HTTP/1.1: no h2c upgrade dance on plain-http test servers; one call at a time per task
    // anyway.
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  JsonMapper json() {
    return json;
  }

  /**
   * POST with a JSON body; returns Replicate's JSON answer. {@code onNotFound} is the kind for a
   * 404: on a model's create path it means the model is gone or not enabled for our account.
   */
  JsonNode post(String path, JsonNode body, String what, Kind onNotFound) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    return send(request.build(), what, onNotFound);
  }

  JsonNode get(String path, String what) {
    return send(request(path).GET().build(), what, Kind.UPSTREAM_ERROR);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
        .timeout(settings.requestTimeout())
        .header("Authorization", "Bearer " + settings.token())
        .header("Accept", "application/json");
  }

  private JsonNode send(HttpRequest request, String what, Kind onNotFound) {
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw transportFailure(e, what);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(
          Kind.AMBIGUOUS, null, what + " was interrupted; Replicate may have received it", e);
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      try {
        return json.readTree(response.body());
      } catch (JacksonException e) {
        throw new ProviderException(
            Kind.AMBIGUOUS, null, what + " answered " + status + " with unreadable JSON", e);
      }
    }
    var failure = httpFailure(status, response.body(), what, onNotFound);
    // A 503's Retry-After is as much a request to wait as a 429's; both are only retried later.
    // On our account's refusal it tells how long to rest Replicate.
    if (failure.kind() == Kind.THROTTLED
        || failure.kind() == Kind.UPSTREAM_ERROR
        || failure.kind() == Kind.ACCOUNT) {
      throw new ProviderException(
          failure.kind(),
          null,
          failure.getMessage(),
          null,
          RetryAfter.parse(response.headers().firstValue("Retry-After")));
    }
    throw failure;
  }

  /**
   * A connect failure (refused, DNS, connect timeout, TLS handshake) means no byte of the request
   * left us; anything later (read timeout, reset) may have reached Replicate and been charged.
   */
  static ProviderException transportFailure(IOException e, String what) {
    boolean notSent =
        e instanceof HttpConnectTimeoutException
            || e instanceof ConnectException
            || e instanceof SSLHandshakeException
            || e.getCause() instanceof UnresolvedAddressException
            || e.getCause() instanceof ConnectException;
    if (notSent) {
      return new ProviderException(
          Kind.NOT_SENT, null, what + " could not reach Replicate: " + describe(e), e);
    }
    return new ProviderException(
        Kind.AMBIGUOUS,
        null,
        what + " failed after sending; Replicate may have received it: " + describe(e),
        e);
  }

  private ProviderException httpFailure(int status, String body, String what, Kind onNotFound) {
    String detail = detail(body);
    String message = what + " answered " + status + ": " + detail;
    Kind kind =
        switch (status) {
          case 401, 402, 403 -> Kind.ACCOUNT;
          case 429 -> Kind.THROTTLED;
          case 400, 422 -> Kind.REJECTED;
          case 404 -> onNotFound;
          default -> Kind.UPSTREAM_ERROR;
        };
    String code = null;
    if (kind == Kind.REJECTED) {
      code = flagged(detail) ? "content_rejected" : "invalid_request";
    }
    return new ProviderException(kind, code, message, null);
  }

  /** Replicate answers errors as problem details: {@code title}, {@code detail}, {@code status}. */
  private String detail(String body) {
    String text;
    try {
      JsonNode problem = json.readTree(body);
      String title = problem.path("title").asString("");
      String detail = problem.path("detail").asString("");
      text = title.isEmpty() ? detail : detail.isEmpty() ? title : title + ": " + detail;
      if (text.isEmpty()) {
        text = body;
      }
    } catch (JacksonException e) {
      text = body == null ? "" : body;
    }
    text = text.strip();
    return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
  }

  /**
   * Replicate reports moderation as an error saying the input or output was "flagged as sensitive"
   * (code E005) [guess from Replicate's error texts; the stored research has no moderation
   * contract].
   */
  static boolean flagged(String error) {
    if (error == null) {
      return false;
    }
    String lower = error.toLowerCase(Locale.ROOT);
    return lower.contains("flagged")
        || lower.contains("sensitive content")
        || lower.contains("nsfw")
        || lower.contains("(e005)");
  }

  private static String describe(Throwable e) {
    String text = e.getClass().getSimpleName();
    Throwable cause = e.getCause();
    if (e.getMessage() != null) {
      text += " " + e.getMessage();
    } else if (cause != null) {
      text += " (" + cause.getClass().getSimpleName() + ")";
    }
    return text;
  }
}
