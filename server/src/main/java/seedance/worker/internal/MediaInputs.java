package seedance.worker.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import seedance.media.MediaKind;
import seedance.media.SafeFetcher;
import seedance.provider.GenerationRequest;
import seedance.provider.GenerationRequest.InputMedia;
import seedance.task.Task;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a stored task into a provider request, fetching its media URLs through the SSRF-safe
 * fetcher.
 */
@Component
class MediaInputs {

  private final SafeFetcher fetcher;
  private final JsonMapper json;

  MediaInputs(SafeFetcher fetcher, JsonMapper json) {
    this.fetcher = fetcher;
    this.json = json;
  }

  GenerationRequest prepare(Task task, Path workDir) {
    return build(task, workDir, true);
  }

  /**
   * The request without its media, for polling an upstream that already has them: a poll is one
   * short read and must not download the user's files again.
   */
  GenerationRequest withoutMedia(Task task, Path workDir) {
    return build(task, workDir, false);
  }

  private GenerationRequest build(Task task, Path workDir, boolean fetchMedia) {
    JsonNode r = json.readTree(task.requestJson());
    InputMedia start = null;
    InputMedia end = null;
    List<InputMedia> media = new ArrayList<>();
    if (fetchMedia) {
      start = fetch(r.path("image_url"), workDir, "start", MediaKind.IMAGE);
      end = fetch(r.path("end_image_url"), workDir, "end", MediaKind.IMAGE);
      int i = 0;
      for (JsonNode url : r.path("media_urls").values()) {
        media.add(fetch(url, workDir, "media-" + i++, MediaKind.IMAGE_OR_VIDEO));
      }
    }
    return new GenerationRequest(
        task.id(),
        r.path("mode").asString(),
        r.path("quality_tier").asString(),
        r.path("channel").asString(),
        r.path("prompt").asString(),
        r.path("aspect_ratio").asString(),
        r.path("duration").asInt(),
        r.path("resolution").asString(),
        r.path("generate_audio").asBoolean(),
        r.path("fixed_lens").asBoolean(),
        seed(task.id(), r.path("seed")),
        start,
        end,
        List.copyOf(media),
        workDir,
        null,
        requestedSeed(r.path("seed")));
  }

  /**
   * The user's seed, or a random one when none (or -1) was given. "Random" is derived from the
   * random task id, so a retried attempt of the same task renders the same video.
   */
  static long seed(String taskId, JsonNode requested) {
    if (requested.isIntegralNumber() && requested.asLong() >= 0) {
      return requested.asLong();
    }
    return Integer.toUnsignedLong(taskId.hashCode() * 0x9E3779B9);
  }

  /** The seed the user asked for; -1 means "random", the same as none. */
  static Long requestedSeed(JsonNode requested) {
    return requested.isIntegralNumber() && requested.asLong() >= 0 ? requested.asLong() : null;
  }

  private InputMedia fetch(JsonNode url, Path workDir, String name, MediaKind kind) {
    if (!url.isString()) {
      return null;
    }
    var fetched = fetcher.fetch(url.asString(), workDir.resolve(name), kind);
    return new InputMedia(url.asString(), fetched.file(), fetched.detectedType());
  }
}
