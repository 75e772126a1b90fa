package seedance.task;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a completed task stored: the output-store keys of its video and last frame, and the seed
 * used ({@code null} when the provider reported none).
 */
public record TaskOutput(String videoKey, String lastFrameKey, Long seed) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The outputs of {@code task}, empty until it completes. */
  public static Optional<TaskOutput> of(Task task) {
    if (task.outputJson() == null) {
      return Optional.empty();
    }
    JsonNode stored = JSON.readTree(task.outputJson());
    JsonNode seed = stored.path("seed");
    return Optional.of(
        new TaskOutput(
            stored.path("video").asString(),
            stored.path("last_frame").asString(),
            seed.isIntegralNumber() ? seed.asLong() : null));
  }
}
