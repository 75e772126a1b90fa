package seedance.provider.internal.fal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for fal's queue (§2.2 and §2.8 of the upstream research): it checks the {@code
 * Key} header, validates input the way fal's endpoints do (422 with a {@code detail} list), files
 * requests under the app id and answers with status, result and cancel URLs pointing at itself, and
 * moves each request IN_QUEUE → IN_PROGRESS → COMPLETED one status call at a time. Knobs make it
 * fail the ways fal does.
 */
final class FalFakeServer implements AutoCloseable {

  static final String KEY = "fal-test-key-0123456789";

  private static final Pattern SUBMIT =
      Pattern.compile("/([^/]+/[^/]+)(/[^/]+)*/(text-to-video|image-to-video|reference-to-video)");
  private static final Pattern REQUEST =
      Pattern.compile("/([^/]+/[^/]+)/requests/([^/]+)(/status|/cancel)?");

  /** One filed request; {@code statusCalls} drives its progress. */
  static final class Filed {
    final String app;
    final String endpoint;
    final JsonNode input;
    final AtomicInteger statusCalls = new AtomicInteger();
    volatile boolean cancelled;

    Filed(String app, String endpoint, JsonNode input) {
      this.app = app;
      this.endpoint = endpoint;
      this.input = input;
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final JsonMapper json = JsonMapper.builder().build();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Map<String, Filed> requests = new ConcurrentHashMap<>();
  private final AtomicInteger submissions = new AtomicInteger();
  private final FalValidation validation = new FalValidation();

  /** Answers every submit with this HTTP status and a fal-shaped error, when set. */
  volatile int submitFailure;

  /** The raw query string of the last submit (where {@code fal_webhook} goes), or null. */
  volatile String lastSubmitQuery;

  /** Submits never get an answer until the server closes. */
  volatile boolean hangSubmits;

  /** The next submit is filed, then its connection dropped without an answer. */
  final java.util.concurrent.atomic.AtomicBoolean resetNextSubmit =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** Completed requests' results are 422 content policy violations. */
  volatile boolean contentPolicyOnResult;

  /** Completed requests report an error in their status (fal's runner failures). */
  volatile String statusError;

  /** Status answers carry a status fal does not document. */
  volatile String statusOverride;

  FalFakeServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Requests filed (accepted and billable), whatever their answer was. */
  int filedCount() {
    return requests.size();
  }

  /** Filed requests whose prompt is {@code prompt}. */
  long filedWithPrompt(String prompt) {
    return requests.values().stream()
        .filter(f -> f.input.path("prompt").asString("").startsWith(prompt))
        .count();
  }

  /** The endpoint and input of the request filed with this prompt (the first one). */
  Filed filedWithPromptOnly(String prompt) {
    return requests.values().stream()
        .filter(f -> f.input.path("prompt").asString("").startsWith(prompt))
        .findFirst()
        .orElseThrow();
  }

  int submissions() {
    return submissions.get();
  }

  Filed filed(String requestId) {
    return requests.get(requestId);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (!("Key " + KEY).equals(auth)) {
        send(exchange, 401, "{\"detail\":\"No user found for Key ID and Secret\"}");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      Matcher request = REQUEST.matcher(path);
      Matcher submit = SUBMIT.matcher(path);
      if (method.equals("POST") && submit.matches() && !path.contains("/requests/")) {
        submit(exchange, submit.group(1), path.substring(1));
      } else if (request.matches()) {
        onRequest(exchange, method, request.group(1), request.group(2), request.group(3));
      } else {
        send(exchange, 404, "{\"detail\":\"Application not found\"}");
      }
    }
  }

  private void submit(HttpExchange exchange, String app, String endpoint) throws IOException {
    submissions.incrementAndGet();
    lastSubmitQuery = exchange.getRequestURI().getRawQuery();
    JsonNode input = json.readTree(exchange.getRequestBody().readAllBytes());
    if (hangSubmits) {
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    if (submitFailure != 0) {
      // Echoes the header on purpose, so tests can see that no message ever carries the key.
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      send(
          exchange,
          submitFailure,
          "{\"detail\":\"fake failure " + submitFailure + " for " + auth + "\"}");
      return;
    }
    var problems = validation.check(endpoint, input);
    if (!problems.isEmpty()) {
      ObjectNode body = json.createObjectNode();
      body.set("detail", problems);
      send(exchange, 422, body.toString());
      return;
    }
    String id = UUID.randomUUID().toString();
    requests.put(id, new Filed(app, endpoint, input));
    if (resetNextSubmit.getAndSet(false)) {
      // An unhandled exception makes the JDK server drop the connection: accepted, then reset.
      throw new IllegalStateException("scripted reset after submit");
    }
    String base = url() + "/" + app + "/requests/" + id;
    ObjectNode body = json.createObjectNode();
    body.put("request_id", id);
    body.put("gateway_request_id", id);
    body.put("response_url", base);
    body.put("status_url", base + "/status");
    body.put("cancel_url", base + "/cancel");
    body.put("queue_position", 1);
    send(exchange, 200, body.toString());
  }

  private void onRequest(HttpExchange exchange, String method, String app, String id, String tail)
      throws IOException {
    Filed filed = requests.get(id);
    if (filed == null || !filed.app.equals(app)) {
      send(exchange, 404, "{\"detail\":\"Request not found\"}");
      return;
    }
    if (tail == null && method.equals("GET")) {
      result(exchange, filed);
    } else if ("/status".equals(tail) && method.equals("GET")) {
      status(exchange, filed, app, id);
    } else if ("/cancel".equals(tail) && method.equals("PUT")) {
      cancel(exchange, filed);
    } else {
      send(exchange, 405, "{\"detail\":\"Method not allowed\"}");
    }
  }

  private void status(HttpExchange exchange, Filed filed, String app, String id)
      throws IOException {
    int call = filed.statusCalls.incrementAndGet();
    ObjectNode body = json.createObjectNode();
    body.put("response_url", url() + "/" + app + "/requests/" + id);
    if (statusOverride != null) {
      body.put("status", statusOverride);
    } else if (completed(filed)) {
      body.put("status", "COMPLETED");
      if (filed.cancelled) {
        body.put("error", "Request was cancelled");
        body.put("error_type", "request_cancelled");
      } else if (statusError != null) {
        body.put("error", statusError);
        body.put("error_type", "runner_disconnected");
      }
    } else if (call <= 2) {
      body.put("status", "IN_QUEUE");
      body.put("queue_position", 2 - call);
    } else {
      body.put("status", "IN_PROGRESS");
    }
    send(exchange, call <= 3 && !filed.cancelled ? 202 : 200, body.toString());
  }

  /** The fourth status call and later see the request done; a cancelled one ends at once. */
  private static boolean completed(Filed filed) {
    return filed.cancelled || filed.statusCalls.get() >= 4;
  }

  private void result(HttpExchange exchange, Filed filed) throws IOException {
    if (!completed(filed)) {
      send(exchange, 400, "{\"detail\":\"Request is still in progress\"}");
    } else if (filed.cancelled || statusError != null) {
      send(exchange, 500, "{\"detail\":\"Internal error: the runner stopped\"}");
    } else if (contentPolicyOnResult) {
      send(exchange, 422, FalValidation.contentPolicyBody(filed.input.path("prompt").asString()));
    } else {
      ObjectNode video = json.createObjectNode();
      video.put("url", "https://v3b.fal.media/files/fake/" + filed.hashCode() + "/output.mp4");
      video.put("content_type", "video/mp4");
      video.put("file_name", "output.mp4");
      video.put("file_size", 1234567);
      ObjectNode body = json.createObjectNode();
      body.set("video", video);
      body.put("seed", filed.input.path("seed").asLong(42));
      send(exchange, 200, body.toString());
    }
  }

  private void cancel(HttpExchange exchange, Filed filed) throws IOException {
    if (completed(filed) && !filed.cancelled) {
      send(exchange, 400, "{\"status\":\"ALREADY_COMPLETED\"}");
      return;
    }
    filed.cancelled = true;
    send(exchange, 202, "{\"status\":\"CANCELLATION_REQUESTED\"}");
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
