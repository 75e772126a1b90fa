package seedance.provider.internal.ark;

import static seedance.provider.internal.ark.ArkFakeAnswers.error;
import static seedance.provider.internal.ark.ArkFakeAnswers.send;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import seedance.testing.FakeCallbacks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local Ark (research §1.14): checks the key, validates creates like Ark, stores tasks and moves
 * each one a step (queued, running, then succeeded or failed) on every GET of it, or, in clock mode
 * ({@link #finishAfter}), on time, calling the task's {@code callback_url} on its changes as Ark
 * does. Faults are set by knobs: an error answer for the next create, a storm of error answers (429
 * with each code, 5xx) with or without Retry-After, creates that hang or reset the connection after
 * storing their task, a moderation code that tasks fail with, and duplicate and late callbacks. The
 * list endpoint is {@link ArkFakeList}, storms {@link ArkFakeStorm}, a task's moves {@link
 * ArkFakeTask}, the answers' shape {@link ArkFakeAnswers}.
 */
final class ArkFakeServer implements AutoCloseable {

  static final String KEY = "ark-test-key-do-not-leak";
  private static final String TASKS = "/api/v3/contents/generations/tasks";

  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final LinkedHashMap<String, ArkFakeTask> tasks = new LinkedHashMap<>();
  private final AtomicInteger creates = new AtomicInteger();
  private volatile JsonNode lastCreateBody;
  private volatile int nextCreateStatus;
  private volatile String nextCreateCode;
  private volatile Duration createHang = Duration.ZERO;
  private volatile String failTasksWith;
  private volatile boolean dropOutputs;
  private volatile Duration finishAfter;
  private volatile Duration finishSpread = Duration.ZERO;
  private final ArkFakeStorm storm = new ArkFakeStorm();
  private final AtomicInteger maxUnfinished = new AtomicInteger();
  private final AtomicInteger creating = new AtomicInteger();
  private final AtomicInteger maxCreating = new AtomicInteger();
  private final AtomicBoolean resetNextCreate = new AtomicBoolean();
  private final Map<String, AtomicInteger> gets = new ConcurrentHashMap<>();
  private final Map<String, String> byOurId = new ConcurrentHashMap<>();
  private final AtomicInteger resets = new AtomicInteger();
  private final FakeCallbacks callbacks = new FakeCallbacks();

  ArkFakeServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext(TASKS, this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v3";
  }

  /** The next create is answered with this HTTP status and Ark error code, and stores nothing. */
  void answerNextCreate(int status, String code) {
    nextCreateCode = code;
    nextCreateStatus = status;
  }

  /** Creates store their task, then wait this long before answering (a timeout after sending). */
  void hangCreates(Duration hang) {
    createHang = hang;
  }

  /** Tasks end failed with this code instead of succeeding. */
  void failTasksWith(String code) {
    failTasksWith = code;
  }

  /** Succeeded tasks show no content, as Ark does once their 24 hours are over. */
  void dropOutputs() {
    dropOutputs = true;
  }

  /**
   * Clock mode: a task is queued for a quarter of {@code after}, then running, then ends; GETs no
   * longer move it.
   */
  void finishAfter(Duration after) {
    finishAfter(after, Duration.ZERO);
  }

  /** Clock mode with each task taking {@code after} plus up to {@code spread} more, at random. */
  void finishAfter(Duration after, Duration spread) {
    finishAfter = after;
    finishSpread = spread;
  }

  /**
   * Calls each task's {@code callback_url} with its host and port replaced by {@code origin} (the
   * network routing the public URL to the server): once when created (queued) and {@code copies}
   * times when it ends, and once more {@code late} after that when not null. Clock mode only.
   */
  void callbacks(String origin, int copies, Duration late) {
    callbacks.deliverTo(origin, copies, late);
  }

  /**
   * The next {@code count} creates and GETs are answered with {@code status} and Ark's codes in
   * turn (e.g. every 429 code), with a Retry-After header when {@code retryAfter} is not null.
   */
  void storm(int count, int status, String retryAfter, String... codes) {
    storm.start(count, status, retryAfter, codes);
  }

  /** The next create stores its task and then drops the connection without an answer. */
  void resetNextCreate() {
    resetNextCreate.set(true);
  }

  /** GETs of the task made for our task {@code ourId} (its safety_identifier). */
  int gets(String ourId) {
    String id = byOurId.get(ourId);
    AtomicInteger count = id == null ? null : gets.get(id);
    return count == null ? 0 : count.get();
  }

  /** Creates that stored a task for our task {@code ourId}. */
  synchronized int tasksFor(String ourId) {
    return (int)
        tasks.values().stream()
            .filter(t -> ourId.equals(t.body.path("safety_identifier").asString("")))
            .count();
  }

  /** Clock mode: when the task made for our task {@code ourId} ended upstream (epoch ms). */
  synchronized long endsAt(String ourId) {
    return tasks.get(byOurId.get(ourId)).endsAt;
  }

  /** The most tasks this Ark held unfinished at once (created, not yet ended), ever. */
  int maxUnfinished() {
    return maxUnfinished.get();
  }

  /** The most creates this Ark was answering at once (received, not yet answered), ever. */
  int maxCreating() {
    return maxCreating.get();
  }

  /** Creates answered by dropping the connection. */
  int resets() {
    return resets.get();
  }

  /** Clock mode: when a GET first showed the task ended (epoch ms), 0 if none did. */
  synchronized long seenEndedAt(String ourId) {
    return tasks.get(byOurId.get(ourId)).endedAt;
  }

  int callbacksSent() {
    return callbacks.sent();
  }

  synchronized void setStatus(String id, String status) {
    tasks.get(id).status = status;
  }

  synchronized String status(String id) {
    ArkFakeTask task = tasks.get(id);
    return task == null ? null : task.status;
  }

  synchronized int taskCount() {
    return tasks.size();
  }

  int creates() {
    return creates.get();
  }

  /** The create body of the stored task our task id tagged ({@code safety_identifier}), or null. */
  synchronized JsonNode createBodyFor(String ourTaskId) {
    return tasks.values().stream()
        .map(task -> task.body)
        .filter(body -> ourTaskId.equals(body.path("safety_identifier").asString()))
        .findFirst()
        .orElse(null);
  }

  JsonNode lastCreateBody() {
    return lastCreateBody;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        error(exchange, 401, "AuthenticationError", "the API key is invalid");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String id = path.length() > TASKS.length() + 1 ? path.substring(TASKS.length() + 1) : null;
      if (id != null && exchange.getRequestMethod().equals("GET")) {
        gets.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      }
      if (stormed(exchange, id)) {
        return;
      }
      switch (exchange.getRequestMethod()) {
        case "POST" -> {
          if (id == null) {
            create(exchange);
          } else {
            error(exchange, 404, "NotFound", "no such path");
          }
        }
        case "GET" -> {
          if (id == null) {
            list(exchange);
          } else {
            get(exchange, id);
          }
        }
        case "DELETE" -> delete(exchange, id);
        default -> error(exchange, 405, "MethodNotAllowed", "method");
      }
    }
  }

  private boolean stormed(HttpExchange exchange, String id) throws IOException {
    boolean createOrGet =
        exchange.getRequestMethod().equals("GET") && id != null
            || exchange.getRequestMethod().equals("POST") && id == null;
    ArkFakeStorm.Answer answer = createOrGet ? storm.next() : null;
    if (answer == null) {
      return false;
    }
    if (exchange.getRequestMethod().equals("POST")) {
      creates.incrementAndGet();
    }
    if (answer.retryAfter() != null) {
      exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
    }
    error(exchange, answer.status(), answer.code(), "scripted storm");
    return true;
  }

  private void create(HttpExchange exchange) throws IOException {
    maxCreating.accumulateAndGet(creating.incrementAndGet(), Math::max);
    try {
      store(exchange);
    } finally {
      creating.decrementAndGet();
    }
  }

  private void store(HttpExchange exchange) throws IOException {
    JsonNode body = json.readTree(exchange.getRequestBody());
    lastCreateBody = body;
    creates.incrementAndGet();
    int status = nextCreateStatus;
    if (status != 0) {
      nextCreateStatus = 0;
      error(exchange, status, nextCreateCode, "scripted failure");
      return;
    }
    ArkCreateRules.Refusal refusal = ArkCreateRules.check(body);
    if (refusal != null) {
      error(exchange, refusal.status(), refusal.code(), refusal.message());
      return;
    }
    String id;
    ArkFakeTask task;
    synchronized (this) {
      id = "cgt-20261124000000-" + String.format("%05d", tasks.size() + 1);
      task = new ArkFakeTask(id, body);
      tasks.put(id, task);
      byOurId.put(body.path("safety_identifier").asString(""), id);
      long now = System.currentTimeMillis();
      int unfinished = (int) tasks.values().stream().filter(t -> t.unfinishedAt(now)).count();
      maxUnfinished.accumulateAndGet(unfinished, Math::max);
    }
    Duration after = finishAfter;
    if (after != null && !finishSpread.isZero()) {
      after = after.plusMillis(ThreadLocalRandom.current().nextLong(finishSpread.toMillis()));
    }
    if (after != null) {
      task.endsAt = System.currentTimeMillis() + after.toMillis();
      scheduleCallbacks(task, after);
    }
    if (resetNextCreate.getAndSet(false)) {
      // An unhandled exception makes the JDK server drop the connection: accepted, then reset.
      resets.incrementAndGet();
      throw new IllegalStateException("scripted reset after create");
    }
    if (!createHang.isZero()) {
      try {
        closing.await(createHang.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    send(exchange, 200, json.createObjectNode().put("id", id));
  }

  private void get(HttpExchange exchange, String id) throws IOException {
    ObjectNode view;
    synchronized (this) {
      ArkFakeTask task = tasks.get(id);
      if (task == null) {
        error(exchange, 404, "ResourceNotFound", "the task does not exist");
        return;
      }
      if (task.endsAt > 0) {
        long now = System.currentTimeMillis();
        task.onClock(now, finishAfter.toMillis(), failTasksWith);
        view = task.view(json, failTasksWith, dropOutputs);
        if (task.endedAt == 0 && !task.unfinishedAt(now)) {
          task.endedAt = System.currentTimeMillis();
        }
      } else {
        view = task.view(json, failTasksWith, dropOutputs);
        task.step(failTasksWith);
      }
    }
    send(exchange, 200, view);
  }

  private void list(HttpExchange exchange) throws IOException {
    ObjectNode answer;
    synchronized (this) {
      answer =
          ArkFakeList.page(
              exchange.getRequestURI().getRawQuery(),
              tasks.sequencedValues().reversed(),
              task -> task.view(json, failTasksWith, dropOutputs),
              json);
    }
    if (answer == null) {
      error(exchange, 400, "InvalidParameter", ArkFakeList.BAD_PAGE);
    } else {
      send(exchange, 200, answer);
    }
  }

  private void delete(HttpExchange exchange, String id) throws IOException {
    synchronized (this) {
      ArkFakeTask task = id == null ? null : tasks.get(id);
      if (task == null) {
        error(exchange, 404, "ResourceNotFound", "the task does not exist");
        return;
      }
      switch (task.status) {
        case "queued" -> task.status = "cancelled";
        case "running", "cancelled" -> {
          error(exchange, 400, "TaskRunningCannotCancel", "cannot cancel now");
          return;
        }
        default -> tasks.remove(id);
      }
    }
    send(exchange, 200, json.createObjectNode());
  }

  private void scheduleCallbacks(ArkFakeTask task, Duration after) {
    callbacks.schedule(
        task.body.path("callback_url").asString(""), true, after, () -> callbackBody(task));
  }

  private synchronized String callbackBody(ArkFakeTask task) {
    task.onClock(System.currentTimeMillis(), finishAfter.toMillis(), failTasksWith);
    return json.writeValueAsString(task.view(json, failTasksWith, dropOutputs));
  }

  @Override
  public void close() {
    closing.countDown();
    callbacks.close();
    server.stop(0);
    threads.shutdownNow();
  }
}
