package seedance.provider.internal.replicate;

import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One prediction held by {@link ReplicateFakeServer}; every GET moves it one state on. */
final class FakePrediction {

  private final String id;
  private final String model;
  private final JsonNode input;
  private final String finalStatus;
  private final String finalError;
  private final Instant createdAt;
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
    this.id = id;
    this.model = model;
    this.input = input;
    this.finalStatus = finalStatus;
    this.finalError = finalError;
    this.createdAt = createdAt;
  }

  synchronized String status() {
    return status;
  }

  synchronized String model() {
    return model;
  }

  synchronized void step() {
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
