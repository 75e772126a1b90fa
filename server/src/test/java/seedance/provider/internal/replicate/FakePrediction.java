package seedance.provider.internal.replicate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One prediction held by {@link ReplicateFakeServer}: in step mode every GET moves it one state on;
 * in clock mode ({@code endsAt} set) it is starting for the first quarter of its run, then
 * processing, then ends at {@code endsAt} whoever looks.
 */
final class FakePrediction {

  private static final Set<String> EVENTS = Set.of("start", "output", "logs", "completed");

  private final String id;
  private final String model;
  private final JsonNode input;
  private final String finalStatus;
  private final String finalError;
  private final Instant createdAt;
  private final Instant processingAt;
  private final Instant endsAt;
  private final String webhook;
  private final List<Instant> gets = new CopyOnWriteArrayList<>();
  private String status = "starting";
  private Instant startedAt;
  private Instant completedAt;

  FakePrediction(
      String id,
      String model,
      JsonNode input,
      String finalStatus,
      String finalError,
      Instant createdAt) {
    this(id, model, input, finalStatus, finalError, createdAt, null, "");
  }

  /** {@code runFor} null: step mode; else clock mode, ending {@code runFor} after creation. */
  FakePrediction(
      String id,
      String model,
      JsonNode input,
      String finalStatus,
      String finalError,
      Instant createdAt,
      Duration runFor,
      String webhook) {
    this.id = id;
    this.model = model;
    this.input = input;
    this.finalStatus = finalStatus;
    this.finalError = finalError;
    this.createdAt = createdAt;
    this.processingAt = runFor == null ? null : createdAt.plus(runFor.dividedBy(4));
    this.endsAt = runFor == null ? null : createdAt.plus(runFor);
    this.webhook = webhook;
  }

  String id() {
    return id;
  }

  /** The {@code webhook} URL the create asked for, blank when none. */
  String webhook() {
    return webhook;
  }

  /** Clock mode: when the prediction ends; null in step mode. */
  Instant endsAt() {
    return endsAt;
  }

  boolean promptStartsWith(String prompt) {
    return input.path("prompt").asString("").startsWith(prompt);
  }

  /**
   * The events a create's {@code webhook_events_filter} asks for (Replicate's default when absent:
   * output and completed); null when it names one Replicate does not know.
   */
  static List<String> webhookEvents(JsonNode createBody) {
    JsonNode filter = createBody.path("webhook_events_filter");
    if (filter.isMissingNode() || filter.isNull()) {
      return List.of("output", "completed");
    }
    if (!filter.isArray()) {
      return null;
    }
    List<String> events = new ArrayList<>();
    for (JsonNode event : filter) {
      if (!EVENTS.contains(event.asString(""))) {
        return null;
      }
      events.add(event.asString());
    }
    return events;
  }

  /** GETs of this prediction received, answered or not. */
  int gets() {
    return gets.size();
  }

  /** When each GET of this prediction came in. */
  List<Instant> getTimes() {
    return List.copyOf(gets);
  }

  void counted() {
    gets.add(Instant.now());
  }

  synchronized String status() {
    return status;
  }

  synchronized String model() {
    return model;
  }

  /** A GET: one state on in step mode; in clock mode, wherever the time says. */
  synchronized void step() {
    if (endsAt != null) {
      onClock(Instant.now());
      return;
    }
    switch (status) {
      case "starting" -> {
        status = "processing";
        startedAt = Instant.now();
      }
      case "processing" -> {
        status = finalStatus;
        completedAt = Instant.now();
      }
      default -> {}
    }
  }

  /** Moves a clock-mode prediction to where its time says; a canceled one stays canceled. */
  synchronized void onClock(Instant now) {
    if (endsAt == null || !(status.equals("starting") || status.equals("processing"))) {
      return;
    }
    if (!now.isBefore(endsAt)) {
      startedAt = startedAt == null ? processingAt : startedAt;
      status = finalStatus;
      completedAt = endsAt;
    } else if (!now.isBefore(processingAt) && status.equals("starting")) {
      status = "processing";
      startedAt = processingAt;
    }
  }

  synchronized void cancel() {
    if (status.equals("starting") || status.equals("processing")) {
      status = "canceled";
      completedAt = Instant.now();
    }
  }

  synchronized boolean outputAvailable(Instant now, Duration ttl) {
    return status.equals("succeeded") && now.isBefore(completedAt.plus(ttl));
  }

  synchronized ObjectNode toJson(JsonMapper json, String root, boolean outputAsList) {
    return toJson(json, root, root, outputAsList);
  }

  /** {@code fileRoot}: where the output file is served (Replicate's delivery host). */
  synchronized ObjectNode toJson(
      JsonMapper json, String root, String fileRoot, boolean outputAsList) {
    ObjectNode node = json.createObjectNode();
    node.put("id", id);
    node.put("model", model);
    node.put("version", "hidden");
    node.put("status", status);
    node.set("input", input);
    String url = fileRoot + "/files/" + id + "/output.mp4";
    if (status.equals("succeeded")) {
      if (outputAsList) {
        node.putArray("output").add(url);
      } else {
        node.put("output", url);
      }
      node.putObject("metrics").put("predict_time", 95.2);
    } else {
      node.putNull("output");
    }
    if (status.equals("failed") || status.equals("aborted")) {
      node.put("error", finalError);
    } else {
      node.putNull("error");
    }
    node.put("logs", "");
    node.put("created_at", createdAt.toString());
    node.put("started_at", startedAt == null ? null : startedAt.toString());
    node.put("completed_at", completedAt == null ? null : completedAt.toString());
    String api = root + "/v1/predictions/" + id;
    ObjectNode urls = node.putObject("urls");
    urls.put("get", api);
    urls.put("cancel", api + "/cancel");
    urls.put("web", "https://replicate.com/p/" + id);
    return node;
  }
}
