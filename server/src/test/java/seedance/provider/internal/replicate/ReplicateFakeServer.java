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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local copy of Replicate's predictions contract (upstreams.md §3.2-3.3) for the two official
 * Seedance models: Bearer token check, schema validation answered with 422 problem details,
 * predictions that move starting → processing → a terminal state on successive GETs, cancel, and an
 * output file served by this server that disappears after a TTL, as Replicate deletes API outputs.
 * Knobs make it fail, refuse, throttle, break or hang. Webhooks and {@code Prefer: wait} are not
 * copied: the adapter uses neither.
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
    return predictions.values().stream()
        .filter(
            p ->
                p.toJson(json, "", false)
                    .path("input")
                    .path("prompt")
                    .asString("")
                    .startsWith(prompt))
        .count();
  }

  /** The input of the prediction whose prompt starts with {@code prompt} (the first one). */
  JsonNode inputOf(String prompt) {
    return predictions.values().stream()
        .map(p -> p.toJson(json, "", false).path("input"))
        .filter(input -> input.path("prompt").asString("").startsWith(prompt))
        .findFirst()
        .orElseThrow();
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
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 26);
    var prediction =
        new FakePrediction(id, model, body.path("input"), finalStatus, finalError, Instant.now());
    predictions.put(id, prediction);
    if (resetNextCreate.getAndSet(false)) {
      // An unhandled exception makes the JDK server drop the connection: accepted, then reset.
      throw new IllegalStateException("scripted reset after create");
    }
    send(exchange, 201, prediction.toJson(json, root(), fileRoot(), outputAsList));
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
