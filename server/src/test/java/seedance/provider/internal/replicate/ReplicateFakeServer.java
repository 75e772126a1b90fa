package seedance.provider.internal.replicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import seedance.testing.FakeCallbacks;
import seedance.testing.FakeStorm;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local copy of Replicate's predictions contract (upstreams.md §3.2-3.3) for the two official
 * Seedance models: Bearer token check, schema validation answered with 422 problem details,
 * predictions that move starting → processing → a terminal state on successive GETs, or in clock
 * mode ({@link #finishAfter}) on time, cancel, and an output file served by this server that
 * disappears after a TTL, as Replicate deletes API outputs. In clock mode the create's {@code
 * webhook} is called as Replicate does ({@link #webhooks}). Knobs make it fail, refuse, throttle,
 * answer storms of 5xx, break or hang. Webhook signatures and {@code Prefer: wait} are not copied:
 * the adapter uses neither.
 */
final class ReplicateFakeServer implements AutoCloseable {

  static final String TOKEN = "r8_fake_token_0123456789";
  static final Set<String> MODELS = Set.of("bytedance/seedance-2.0", "bytedance/seedance-2.0-fast");
  static final byte[] VIDEO = "fake mp4 bytes".getBytes(StandardCharsets.US_ASCII);

  private static final Pattern CREATE = Pattern.compile("/v1/models/([^/]+/[^/]+)/predictions");
  private static final Pattern GET = Pattern.compile("/v1/predictions/([A-Za-z0-9]+)");
  private static final Pattern CANCEL = Pattern.compile("/v1/predictions/([A-Za-z0-9]+)/cancel");
  private static final Pattern FILE = Pattern.compile("/files/([A-Za-z0-9]+)/output\\.mp4");

  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final CountDownLatch released = new CountDownLatch(1);
  private final Map<String, FakePrediction> predictions = new ConcurrentHashMap<>();
  private final List<JsonNode> createBodies = new CopyOnWriteArrayList<>();
  private final List<String> cancels = new CopyOnWriteArrayList<>();
  private final AtomicInteger createCalls = new AtomicInteger();

  private volatile int createStatus;
  private volatile boolean hangCreates;
  private volatile boolean dropCreates;
  private volatile String finalStatus = "succeeded";
  private volatile String finalError;
  private volatile boolean outputAsList;
  private volatile Duration outputTtl = Duration.ofHours(1);
  private volatile String outputRoot;
  private final java.util.concurrent.atomic.AtomicBoolean resetNextCreate =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final List<Instant> createTimes = new CopyOnWriteArrayList<>();
  private final FakeCallbacks webhooks = new FakeCallbacks();
  private final FakeStorm createStorm = new FakeStorm();
  private final FakeStorm getStorm = new FakeStorm();
  private final AtomicInteger hangingGets = new AtomicInteger();
  private volatile Duration getHang = Duration.ZERO;
  private volatile Duration finishAfter;

  ReplicateFakeServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The API root to configure the adapter with, like {@code https://api.replicate.com/v1}. */
  URI baseUrl() {
    return URI.create(root() + "/v1");
  }

  /** Every create call answers this status (401, 402, 403, 429, 500...) without a prediction. */
  void failCreatesWith(int status) {
    createStatus = status;
  }

  /** Create calls are read, counted, and then never answered until the server closes. */
  void hangCreates() {
    hangCreates = true;
  }

  /** Create calls are read, counted, and then the connection is closed without an answer. */
  void dropCreates() {
    dropCreates = true;
  }

  /** Predictions created from now on end in {@code status} with {@code error} after processing. */
  void finishWith(String status, String error) {
    finalStatus = status;
    finalError = error;
  }

  void outputAsList() {
    outputAsList = true;
  }

  void outputTtl(Duration ttl) {
    outputTtl = ttl;
  }

  /**
   * Clock mode for predictions created from now on (null: back to step mode): starting for a
   * quarter of {@code after}, then processing, then ended; GETs no longer move them.
   */
  void finishAfter(Duration after) {
    finishAfter = after;
  }

  /**
   * Calls each clock-mode prediction's {@code webhook} with its scheme, host and port replaced by
   * {@code origin}, for the events its {@code webhook_events_filter} asked for (Replicate's default
   * when absent: output and completed): "start" at once, and at the end ("completed", or "output",
   * since a video model's one file appears only then) {@code copies} times and once more {@code
   * late} after that. The body is the prediction as a GET shows it then. "logs" is never sent: the
   * fake writes no logs.
   */
  void webhooks(String origin, int copies, Duration late) {
    webhooks.deliverTo(origin, copies, late);
  }

  /** Webhook deliveries the receiver answered. */
  int webhooksSent() {
    return webhooks.sent();
  }

  /**
   * The next {@code count} create calls are answered with {@code status} (a 5xx) and no prediction,
   * with a Retry-After of {@code retryAfter} when not null.
   */
  void stormCreates(int count, int status, String retryAfter) {
    createStorm.set(count, status, retryAfter);
  }

  /** The next {@code count} GETs of a prediction are answered like {@link #stormCreates}. */
  void stormGets(int count, int status, String retryAfter) {
    getStorm.set(count, status, retryAfter);
  }

  /** The next {@code count} GETs of a prediction get no answer for {@code hang}, then a close. */
  void hangGets(int count, Duration hang) {
    getHang = hang;
    hangingGets.set(count);
  }

  /** When each create call that passed the token check came in, storms included. */
  List<Instant> createTimes() {
    return List.copyOf(createTimes);
  }

  /** The prediction whose webhook names our task {@code taskId}. */
  FakePrediction predictionFor(String taskId) {
    return predictions.values().stream()
        .filter(p -> p.webhook().contains("/replicate/" + taskId + "?"))
        .findFirst()
        .orElseThrow();
  }

  /** The prediction whose prompt starts with {@code prompt} (the first one). */
  FakePrediction predictionWithPrompt(String prompt) {
    return predictions.values().stream()
        .filter(p -> p.promptStartsWith(prompt))
        .findFirst()
        .orElseThrow();
  }

  /** Create calls received, including refused and hanging ones. */
  int createCalls() {
    return createCalls.get();
  }

  /** Bodies of create calls that passed the token check, in order. */
  List<JsonNode> createBodies() {
    return List.copyOf(createBodies);
  }

  List<String> cancels() {
    return List.copyOf(cancels);
  }

  FakePrediction prediction(String id) {
    return predictions.get(id);
  }

  @Override
  public void close() {
    released.countDown();
    webhooks.close();
    server.stop(0);
    executor.shutdownNow();
  }

  /**
   * Output URLs point at {@code root} (e.g. {@code https://replicate.delivery}) instead of this
   * server, for end-to-end tests whose re-hosting fetches only https.
   */
  void outputRoot(String root) {
    outputRoot = root;
  }

  /** The next create makes its prediction, then drops the connection without an answer. */
  void resetNextCreate() {
    resetNextCreate.set(true);
  }

  /** Predictions whose prompt starts with {@code prompt}. */
  long predictionsWithPrompt(String prompt) {
    return predictions.values().stream().filter(p -> p.promptStartsWith(prompt)).count();
  }

  /** The input of the prediction whose prompt starts with {@code prompt} (the first one). */
  JsonNode inputOf(String prompt) {
    return predictionWithPrompt(prompt).toJson(json, "", false).path("input");
  }

  private String fileRoot() {
    String configured = outputRoot;
    return configured == null ? root() : configured;
  }

  private String root() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      Matcher file = FILE.matcher(path);
      if (method.equals("GET") && file.matches()) {
        serveFile(exchange, file.group(1));
        return;
      }
      Matcher create = CREATE.matcher(path);
      if (method.equals("POST") && create.matches()) {
        createCalls.incrementAndGet();
      }
      if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        problem(exchange, 401, "Unauthenticated", "You did not pass a valid authentication token");
        return;
      }
      Matcher get = GET.matcher(path);
      Matcher cancel = CANCEL.matcher(path);
      if (method.equals("POST") && create.matches()) {
        create(exchange, create.group(1));
      } else if (method.equals("GET") && get.matches()) {
        advance(exchange, get.group(1));
      } else if (method.equals("POST") && cancel.matches()) {
        cancel(exchange, cancel.group(1));
      } else {
        problem(exchange, 404, "Not found", "The requested resource could not be found.");
      }
    }
  }

  private void create(HttpExchange exchange, String model) throws IOException {
    byte[] raw;
    try (InputStream in = exchange.getRequestBody()) {
      raw = in.readAllBytes();
    }
    createTimes.add(Instant.now());
    if (stormed(exchange, createStorm)) {
      return;
    }
    if (hangCreates) {
      try {
        released.await(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    if (dropCreates) {
      return;
    }
    if (createStatus != 0) {
      refuse(exchange, createStatus);
      return;
    }
    if (!MODELS.contains(model)) {
      problem(exchange, 404, "Not found", "The requested resource could not be found.");
      return;
    }
    JsonNode body;
    try {
      body = json.readTree(raw);
    } catch (JacksonException e) {
      problem(exchange, 400, "Bad request", "The request body is not valid JSON.");
      return;
    }
    createBodies.add(body);
    var invalid = FakeInputValidation.check(body);
    if (!invalid.isEmpty()) {
      StringBuilder detail = new StringBuilder();
      invalid.forEach(
          f ->
              detail
                  .append("- ")
                  .append(f.field())
                  .append(": ")
                  .append(f.description())
                  .append('\n'));
      ObjectNode problem = problemBody(422, "Input validation failed", detail.toString());
      problem.set("invalid_fields", json.valueToTree(invalid));
      send(exchange, 422, problem);
      return;
    }
    List<String> events = FakePrediction.webhookEvents(body);
    if (events == null) {
      problem(
          exchange,
          422,
          "Input validation failed",
          "webhook_events_filter: each item must be one of start, output, logs, completed");
      return;
    }
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 26);
    Duration runFor = finishAfter;
    var prediction =
        new FakePrediction(
            id,
            model,
            body.path("input"),
            finalStatus,
            finalError,
            Instant.now(),
            runFor,
            body.path("webhook").asString(""));
    predictions.put(id, prediction);
    if (runFor != null) {
      webhooks.schedule(
          prediction.webhook(),
          events.contains("start"),
          events.contains("completed") || events.contains("output") ? runFor : null,
          () -> webhookBody(prediction));
    }
    if (resetNextCreate.getAndSet(false)) {
      // An unhandled exception makes the JDK server drop the connection: accepted, then reset.
      throw new IllegalStateException("scripted reset after create");
    }
    send(exchange, 201, prediction.toJson(json, root(), fileRoot(), outputAsList));
  }

  private boolean stormed(HttpExchange exchange, FakeStorm storm) throws IOException {
    int status = storm.next(exchange.getResponseHeaders());
    if (status == 0) {
      return false;
    }
    problem(exchange, status, "Service Unavailable", "scripted storm");
    return true;
  }

  private String webhookBody(FakePrediction prediction) {
    prediction.onClock(Instant.now());
    return json.writeValueAsString(prediction.toJson(json, root(), fileRoot(), outputAsList));
  }

  private void refuse(HttpExchange exchange, int status) throws IOException {
    switch (status) {
      case 401 ->
          problem(
              exchange, 401, "Unauthenticated", "You did not pass a valid authentication token");
      case 402 ->
          problem(
              exchange,
              402,
              "Insufficient credit",
              "You have insufficient credit to run this model.");
      case 403 ->
          problem(exchange, 403, "Forbidden", "You do not have permission to run this model.");
      case 429 -> {
        exchange.getResponseHeaders().set("Retry-After", "1");
        problem(
            exchange,
            429,
            "Request was throttled.",
            "Request was throttled. Expected available in 1 second.");
      }
      default -> problem(exchange, status, "Internal Server Error", "Something went wrong.");
    }
  }

  private void advance(HttpExchange exchange, String id) throws IOException {
    FakePrediction prediction = predictions.get(id);
    if (prediction == null) {
      problem(exchange, 404, "Not found", "The requested resource could not be found.");
      return;
    }
    prediction.counted();
    if (stormed(exchange, getStorm)) {
      return;
    }
    if (hangingGets.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      try {
        released.await(getHang.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    prediction.step();
    send(exchange, 200, prediction.toJson(json, root(), fileRoot(), outputAsList));
  }

  private void cancel(HttpExchange exchange, String id) throws IOException {
    FakePrediction prediction = predictions.get(id);
    if (prediction == null) {
      problem(exchange, 404, "Not found", "The requested resource could not be found.");
      return;
    }
    cancels.add(id);
    prediction.cancel();
    send(exchange, 200, prediction.toJson(json, root(), fileRoot(), outputAsList));
  }

  private void serveFile(HttpExchange exchange, String id) throws IOException {
    FakePrediction prediction = predictions.get(id);
    if (prediction == null || !prediction.outputAvailable(Instant.now(), outputTtl)) {
      exchange.sendResponseHeaders(404, -1);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "video/mp4");
    exchange.sendResponseHeaders(200, VIDEO.length);
    exchange.getResponseBody().write(VIDEO);
  }

  private void problem(HttpExchange exchange, int status, String title, String detail)
      throws IOException {
    send(exchange, status, problemBody(status, title, detail));
  }

  private ObjectNode problemBody(int status, String title, String detail) {
    ObjectNode problem = json.createObjectNode();
    problem.put("title", title);
    problem.put("detail", detail);
    problem.put("status", status);
    return problem;
  }

  private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
