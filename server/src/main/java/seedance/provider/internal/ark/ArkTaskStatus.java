package seedance.provider.internal.ark;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import seedance.provider.GenerationStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** An Ark task body (research §1.7) as our generation state (§7.3). */
final class ArkTaskStatus {

  private static final Logger log = LoggerFactory.getLogger(ArkTaskStatus.class);

  private ArkTaskStatus() {}

  static GenerationStatus of(JsonNode task, JsonMapper json) {
    String status = task.path("status").asString("");
    return switch (status) {
      case "queued", "running" -> GenerationStatus.running();
      case "succeeded" -> succeeded(task, json);
      case "failed", "expired", "cancelled" -> failed(task, status);
      default -> {
        // Settling on a status we do not know could refund a video that is still coming.
        log.warn(
            "Ark task {} has unknown status '{}'; treating it as running",
            task.path("id").asString(""),
            status);
        yield GenerationStatus.running();
      }
    };
  }

  private static GenerationStatus succeeded(JsonNode task, JsonMapper json) {
    String videoUrl = text(task.path("content").path("video_url"));
    if (videoUrl == null) {
      // After 24 h Ark drops the content; nothing is left to deliver.
      return GenerationStatus.failed(
          "generation_failed", "The upstream finished without a video to deliver.");
    }
    JsonNode seed = task.path("seed");
    return GenerationStatus.succeededRemote(
        videoUrl,
        text(task.path("content").path("last_frame_url")),
        seed.isIntegralNumber() ? seed.asLong() : null,
        usage(task, json));
  }

  private static GenerationStatus failed(JsonNode task, String status) {
    String code = task.path("error").path("code").asString("");
    if (ArkErrors.isModeration(code)) {
      return GenerationStatus.failed(
          "content_rejected",
          "The video was blocked by the upstream's content moderation (" + code + ").");
    }
    String message =
        switch (status) {
          case "expired" -> "The upstream did not finish the video in time.";
          case "cancelled" -> "The generation was cancelled upstream.";
          default ->
              "The upstream failed to generate the video"
                  + (code.isEmpty() ? "." : " (" + code + ").");
        };
    return GenerationStatus.failed("generation_failed", message);
  }

  /** What Ark bills on (tokens) and what it actually made, as a compact JSON object. */
  private static String usage(JsonNode task, JsonMapper json) {
    ObjectNode usage = json.createObjectNode();
    for (String field : new String[] {"usage", "duration", "resolution", "ratio"}) {
      JsonNode value = task.get(field);
      if (value != null && !value.isNull()) {
        usage.set(field, value);
      }
    }
    return json.writeValueAsString(usage);
  }

  private static String text(JsonNode node) {
    return node.isString() && !node.asString().isBlank() ? node.asString() : null;
  }
}
