package seedance.provider.internal.fal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import seedance.provider.ProviderException;
import seedance.provider.ProviderException.Kind;
import seedance.provider.RetryAfter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * fal's queue over HTTP, with every failure classified for the worker: whether the call can have
 * reached fal, and whose problem an error answer is.
 */
final class FalHttp {

  static final String CONTENT_POLICY = "content_policy_violation";

  /** A JSON answer; {@code body} is a missing node when the answer was not JSON. */
  record Answer(int status, JsonNode body, String text, java.time.Duration retryAfter) {
    Answer(int status, JsonNode body, String text) {
      this(status, body, text, null);
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final FalSettings settings;
  private final HttpClient client;
  private final JsonMapper json;

  FalHttp(FalSettings settings, JsonMapper json) {
    this.settings = settings;
    this.json = json;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  Answer send(String method, URI uri, String body, String what) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.requestTimeout())
            .header("Authorization", "Key " + settings.key())
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(Kind.AMBIGUOUS, null, what + ": interrupted", e);
    } catch (IOException e) {
      throw classify(e, what);
    }
    return new Answer(
        response.statusCode(),
        parse(response.body()),
        response.body(),
        RetryAfter.parse(response.headers().firstValue("Retry-After")));
  }

  /**
   * Connecting, resolving and the TLS handshake all come before the request is written, so fal
   * cannot have seen it; anything later (a timeout waiting for the answer, a reset) may have.
   */
  private ProviderException classify(IOException e, String what) {
    boolean notSent =
        e instanceof HttpConnectTimeoutException
            || e instanceof ConnectException
            || e instanceof UnknownHostException
            || e.getCause() instanceof UnresolvedAddressException
            || e instanceof SSLException;
    if (notSent) {
      return new ProviderException(
          Kind.NOT_SENT, null, redact(what + ": could not reach fal: " + e), e);
    }
    String why = e instanceof HttpTimeoutException ? "no answer in time" : "connection failed";
    return new ProviderException(
        Kind.AMBIGUOUS, null, redact(what + ": " + why + " after sending: " + e), e);
  }

  /** A submit's error answer as the worker sees it; {@code status} is not 2xx. */
  ProviderException submitFailure(Answer answer) {
    return failure(answer, "fal submit", true);
  }

  /**
   * An error answer to a status or result read. Those carry no input, so a 4xx there says nothing
   * about the user's request and must not fail the task as rejected; nor is a 404 about the
   * account, since it names a request fal no longer knows.
   */
  ProviderException readFailure(Answer answer, String what) {
    return failure(answer, what, false);
  }

  private ProviderException failure(Answer answer, String what, boolean submit) {
    int status = answer.status();
    String message = redact(what + ": fal answered HTTP " + status + ": " + describe(answer));
    if (submit && (status == 422 || status == 400)) {
      String code = isContentPolicy(answer) ? "content_rejected" : "invalid_request";
      return new ProviderException(Kind.REJECTED, code, message, null);
    }
    Kind kind =
        switch (status) {
          case 401, 402, 403 -> Kind.ACCOUNT;
          // On submit, 404 means the configured model path is not one fal serves this account.
          case 404 -> submit ? Kind.ACCOUNT : Kind.UPSTREAM_ERROR;
          case 429 -> Kind.THROTTLED;
          default -> Kind.UPSTREAM_ERROR;
        };
    return new ProviderException(kind, null, message, null, answer.retryAfter());
  }

  static boolean isContentPolicy(Answer answer) {
    for (JsonNode detail : answer.body().path("detail").values()) {
      if (CONTENT_POLICY.equals(detail.path("type").asString(""))) {
        return true;
      }
    }
    return CONTENT_POLICY.equals(answer.body().path("error_type").asString(""));
  }

  /** fal's {@code detail} list as "loc: msg" pieces, else the start of the body. */
  static String describe(Answer answer) {
    JsonNode detail = answer.body().path("detail");
    if (detail.isString()) {
      return detail.asString();
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode item : detail.values()) {
      List<String> loc = new ArrayList<>();
      for (JsonNode piece : item.path("loc").values()) {
        if (!piece.asString("").equals("body")) {
          loc.add(piece.asString(""));
        }
      }
      String msg = item.path("msg").asString("");
      parts.add(loc.isEmpty() ? msg : String.join(".", loc) + ": " + msg);
    }
    if (!parts.isEmpty()) {
      return String.join("; ", parts);
    }
    String error = answer.body().path("error").asString("");
    if (!error.isEmpty()) {
      return error;
    }
    String text = answer.text() == null ? "" : answer.text().strip();
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  private JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return json.readTree(text);
    } catch (JacksonException e) {
      return MissingNode.getInstance();
    }
  }

  /** fal never echoes the key as far as we know; this makes sure no message ever carries it. */
  String redact(String message) {
    return message.replace(settings.key(), "***");
  }
}
