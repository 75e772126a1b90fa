package seedance.provider.internal.fal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import seedance.testing.FakeCallbacks;
import seedance.testing.FakeStorm;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for fal's queue (§2.2 and §2.8 of the upstream research): it checks the {@code
 * Key} header, validates input the way fal's endpoints do (422 with a {@code detail} list), files
 * requests under the app id and answers with status, result and cancel URLs pointing at itself, and
 * moves each request IN_QUEUE → IN_PROGRESS → COMPLETED one status call at a time or, in clock mode
 * ({@link #finishAfter}), on time, posting to its {@code fal_webhook} when it ends as fal does
 * (§2.6: no call at the start, copies and a late one when {@link #webhooks} says). Knobs make it
 * fail the ways fal does: refusals, counted storms of one HTTP status, hung and reset calls.
 */
final class FalFakeServer implements AutoCloseable {

  static final String KEY = "fal-test-key-0123456789";

  private static final Pattern SUBMIT =
      Pattern.compile("/([^/]+/[^/]+)(/[^/]+)*/(text-to-video|image-to-video|reference-to-video)");
  private static final Pattern REQUEST =
      Pattern.compile("/([^/]+/[^/]+)/requests/([^/]+)(/status|/cancel)?");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final JsonMapper json = JsonMapper.builder().build();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Map<String, FalFakeRequest> requests = new ConcurrentHashMap<>();
  private final AtomicInteger submissions = new AtomicInteger();
  private final FalValidation validation = new FalValidation();
  private final FakeCallbacks webhooks = new FakeCallbacks();

  private final FakeStorm submitStorm = new FakeStorm();
  private final FakeStorm statusStorm = new FakeStorm();
  private final AtomicInteger stormed = new AtomicInteger();
  private final AtomicInteger statusHangsLeft = new AtomicInteger();
  private volatile Duration statusHang = Duration.ZERO;
  private final AtomicInteger hungStatusCalls = new AtomicInteger();
  private volatile Duration finishAfter;
  private final AtomicInteger webhooksBegun = new AtomicInteger();

  /** Answers every submit with this HTTP status and a fal-shaped error, when set. */
  volatile int submitFailure;

  /** The raw query string of the last submit (where {@code fal_webhook} goes), or null. */
  volatile String lastSubmitQuery;

  /** Submits never get an answer until the server closes. */
  volatile boolean hangSubmits;

  /** The next submit is filed, then its connection dropped without an answer. */
  final AtomicBoolean resetNextSubmit = new AtomicBoolean();

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

  /**
   * Clock mode for requests filed from now on: queued for a quarter of {@code after}, then in
   * progress, then COMPLETED; status calls no longer move them.
   */
  void finishAfter(Duration after) {
    finishAfter = after;
  }

  /**
   * Posts each clock-mode request's end to its {@code fal_webhook}, with the URL's scheme, host and
   * port replaced by {@code origin}: {@code copies} times when it ends and once more {@code late}
   * after that when not null.
   */
  void webhooks(String origin, int copies, Duration late) {
    webhooks.deliverTo(origin, copies, late);
  }

  /** Whether every webhook post begun so far has been answered by the receiver. */
  boolean webhooksAnswered() {
    return webhooks.sent() == webhooksBegun.get();
  }

  /**
   * The next {@code count} submits are answered with {@code status} and a fal-shaped error, with a
   * Retry-After header when {@code retryAfter} is not null; nothing is filed.
   */
  void stormSubmits(int count, int status, String retryAfter) {
    submitStorm.set(count, status, retryAfter);
  }

  /** The same for the next {@code count} status calls; the requests do not move meanwhile. */
  void stormStatus(int count, int status, String retryAfter) {
    statusStorm.set(count, status, retryAfter);
  }

  /** Calls answered by a storm so far. */
  int stormed() {
    return stormed.get();
  }

  /**
   * The next {@code count} status calls get no answer for {@code howLong} (or until the server
   * closes), and then have their connection dropped; the requests do not move meanwhile.
   */
  void hangStatus(int count, Duration howLong) {
    statusHang = howLong;
    statusHangsLeft.set(count);
  }

  /** Status calls that hung. */
  int hungStatusCalls() {
    return hungStatusCalls.get();
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
  FalFakeRequest filedWithPromptOnly(String prompt) {
    return requests.values().stream()
        .filter(f -> f.input.path("prompt").asString("").startsWith(prompt))
        .findFirst()
        .orElseThrow();
  }

  /** Requests filed for our task {@code taskId}, known by the webhook URL they carry. */
  List<FalFakeRequest> filedForTask(String taskId) {
    return requests.values().stream()
        .filter(f -> f.webhook != null && f.webhook.contains("/fal/" + taskId + "?"))
        .toList();
  }

  int submissions() {
    return submissions.get();
  }

  FalFakeRequest filed(String requestId) {
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
      awaitClose(null);
      return;
    }
    if (stormed(exchange, submitStorm)) {
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
    FalFakeRequest filed = file(app, endpoint, input, webhook(lastSubmitQuery));
    if (resetNextSubmit.getAndSet(false)) {
      // An unhandled exception makes the JDK server drop the connection: accepted, then reset.
      throw new IllegalStateException("scripted reset after submit");
    }
    String base = url() + "/" + app + "/requests/" + filed.id;
    ObjectNode body = json.createObjectNode();
    body.put("request_id", filed.id);
    body.put("gateway_request_id", filed.id);
    body.put("response_url", base);
    body.put("status_url", base + "/status");
    body.put("cancel_url", base + "/cancel");
    body.put("queue_position", 1);
    send(exchange, 200, body.toString());
  }

  private FalFakeRequest file(String app, String endpoint, JsonNode input, String webhook) {
    String id = UUID.randomUUID().toString();
    Duration after = finishAfter;
    long now = System.currentTimeMillis();
    FalFakeRequest filed =
        after == null
            ? new FalFakeRequest(id, app, endpoint, input, webhook, 0, 0)
            : new FalFakeRequest(
                id,
                app,
                endpoint,
                input,
                webhook,
                now + after.toMillis() / 4,
                now + after.toMillis());
    requests.put(id, filed);
    if (after != null) {
      // fal posts no "started" webhook: only the end.
      webhooks.schedule(webhook, false, after, () -> webhookBody(filed));
    }
    return filed;
  }

  private static String webhook(String rawQuery) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.startsWith("fal_webhook=")) {
        return URLDecoder.decode(pair.substring("fal_webhook=".length()), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** Whether {@code storm} answered this call (and used one of its answers up). */
  private boolean stormed(HttpExchange exchange, FakeStorm storm) throws IOException {
    int status = storm.next(exchange.getResponseHeaders());
    if (status == 0) {
      return false;
    }
    stormed.incrementAndGet();
    send(exchange, status, "{\"detail\":\"fake storm: HTTP " + status + "\"}");
    return true;
  }

  private void onRequest(HttpExchange exchange, String method, String app, String id, String tail)
      throws IOException {
    FalFakeRequest filed = requests.get(id);
    if (filed == null || !filed.app.equals(app)) {
      send(exchange, 404, "{\"detail\":\"Request not found\"}");
      return;
    }
    if (tail == null && method.equals("GET")) {
      filed.resultCalls.incrementAndGet();
      Outcome outcome = outcome(filed);
      send(exchange, outcome.status(), outcome.body());
    } else if ("/status".equals(tail) && method.equals("GET")) {
      status(exchange, filed, app, id);
    } else if ("/cancel".equals(tail) && method.equals("PUT")) {
      cancel(exchange, filed);
    } else {
      send(exchange, 405, "{\"detail\":\"Method not allowed\"}");
    }
  }

  private void status(HttpExchange exchange, FalFakeRequest filed, String app, String id)
      throws IOException {
    if (statusHangsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      hungStatusCalls.incrementAndGet();
      awaitClose(statusHang);
      // An unhandled exception makes the JDK server drop the connection without an answer.
      throw new IllegalStateException("scripted status hang");
    }
    if (stormed(exchange, statusStorm)) {
      return;
    }
    int call = filed.statusCalls.incrementAndGet();
    ObjectNode body = json.createObjectNode();
    body.put("response_url", url() + "/" + app + "/requests/" + id);
    String status = statusOverride != null ? statusOverride : filed.status(call);
    body.put("status", status);
    if (status.equals("IN_QUEUE")) {
      body.put("queue_position", filed.queuePosition(call));
    } else if (status.equals("COMPLETED")) {
      if (filed.cancelled) {
        body.put("error", "Request was cancelled");
        body.put("error_type", "request_cancelled");
      } else if (statusError != null) {
        body.put("error", statusError);
        body.put("error_type", "runner_disconnected");
      }
    }
    send(exchange, filed.completed() ? 200 : 202, body.toString());
  }

  /** What the result URL answers, and what the webhook carries as its payload. */
  private record Outcome(int status, String body) {}

  private Outcome outcome(FalFakeRequest filed) {
    if (!filed.completed()) {
      return new Outcome(400, "{\"detail\":\"Request is still in progress\"}");
    } else if (filed.cancelled || statusError != null) {
      return new Outcome(500, "{\"detail\":\"Internal error: the runner stopped\"}");
    } else if (contentPolicyOnResult) {
      return new Outcome(
          422, FalValidation.contentPolicyBody(filed.input.path("prompt").asString()));
    }
    ObjectNode video = json.createObjectNode();
    video.put("url", "https://v3b.fal.media/files/fake/" + filed.id + "/output.mp4");
    video.put("content_type", "video/mp4");
    video.put("file_name", "output.mp4");
    video.put("file_size", 1234567);
    ObjectNode body = json.createObjectNode();
    body.set("video", video);
    body.put("seed", filed.input.path("seed").asLong(42));
    return new Outcome(200, body.toString());
  }

  /** §2.6: OK with the result as payload, or ERROR with the error answer's body as payload. */
  private String webhookBody(FalFakeRequest filed) {
    filed.webhookDue = true;
    filed.webhooks.incrementAndGet();
    webhooksBegun.incrementAndGet();
    Outcome outcome = outcome(filed);
    ObjectNode body = json.createObjectNode();
    body.put("request_id", filed.id);
    body.put("gateway_request_id", filed.id);
    if (outcome.status() == 200) {
      body.put("status", "OK");
      body.set("payload", json.readTree(outcome.body()));
      body.putNull("error");
    } else {
      body.put("status", "ERROR");
      body.set("payload", json.readTree(outcome.body()));
      body.put("error", "Invalid status code: " + outcome.status());
    }
    return body.toString();
  }

  private void cancel(HttpExchange exchange, FalFakeRequest filed) throws IOException {
    if (filed.completed() && !filed.cancelled) {
      send(exchange, 400, "{\"status\":\"ALREADY_COMPLETED\"}");
      return;
    }
    filed.cancelled = true;
    send(exchange, 202, "{\"status\":\"CANCELLATION_REQUESTED\"}");
  }

  /** Waits {@code howLong} (null: forever) or until the server closes. */
  private void awaitClose(Duration howLong) {
    try {
      if (howLong == null) {
        closed.await();
      } else {
        closed.await(howLong.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
    webhooks.close();
    server.stop(0);
    threads.shutdownNow();
  }
}
