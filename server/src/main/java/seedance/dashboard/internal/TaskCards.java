package seedance.dashboard.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import seedance.config.ServerSettings;
import seedance.storage.DownloadLinks;
import seedance.task.Task;
import seedance.task.TaskOutput;
import seedance.video.VideoSubmissions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns tasks into what the task pages show. Parameters are read from the request as the API would
 * take it, so the pages show the contract's names and values; media links are signed anew on every
 * view, like an API read.
 */
@Component
public class TaskCards {

  /** One parameter as the API names it. */
  public record Param(String name, String value) {}

  /** A gallery card. {@code posterUrl} (the last frame) is null until the task completes. */
  public record Card(
      String id,
      String status,
      String prompt,
      String summary,
      List<Param> params,
      long creditsUsed,
      long creditsRefunded,
      String posterUrl,
      String createdAt) {}

  /** Everything the task page shows. */
  public record Detail(
      Card card,
      String videoUrl,
      String lastFrameUrl,
      Long seed,
      String errorCode,
      String errorMessage,
      String updatedAt,
      String curl) {}

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final VideoSubmissions submissions;
  private final DownloadLinks links;
  private final ServerSettings settings;

  TaskCards(VideoSubmissions submissions, DownloadLinks links, ServerSettings settings) {
    this.submissions = submissions;
    this.links = links;
    this.settings = settings;
  }

  Card card(Task task) {
    return card(task, JSON.readTree(submissions.requestBody(task)));
  }

  Detail detail(Task task) {
    String body = submissions.requestBody(task);
    var output = TaskOutput.of(task);
    return new Detail(
        card(task, JSON.readTree(body)),
        output.map(o -> links.url(o.videoKey())).orElse(null),
        output.map(o -> links.url(o.lastFrameKey())).orElse(null),
        seed(output.map(TaskOutput::seed).orElse(null), JSON.readTree(body)),
        task.errorCode(),
        task.errorMessage(),
        shown(task.updatedAt()),
        CurlCommand.of(
            baseUrl(),
            JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(body)),
            task.sandboxOutcome()));
  }

  private Card card(Task task, JsonNode request) {
    var params = new ArrayList<Param>();
    for (var field : request.properties()) {
      // The prompt and the seed have places of their own on the pages.
      if (field.getKey().equals("prompt") || field.getKey().equals("seed")) {
        continue;
      }
      JsonNode value = field.getValue();
      String shown =
          value.isArray()
              ? value.size() + (value.size() == 1 ? " URL" : " URLs")
              : value.isString() ? value.asString() : value.toString();
      params.add(new Param(field.getKey(), shown));
    }
    String poster = TaskOutput.of(task).map(o -> links.url(o.lastFrameKey())).orElse(null);
    return new Card(
        task.id(),
        task.status(),
        request.path("prompt").asString(),
        summary(request),
        List.copyOf(params),
        task.creditsUsed(),
        task.creditsRefunded(),
        poster,
        shown(task.createdAt()));
  }

  /**
   * The seed the video was made with, else the one asked for; null when it is still to be chosen at
   * random.
   */
  private static Long seed(Long used, JsonNode request) {
    if (used != null) {
      return used;
    }
    JsonNode asked = request.path("seed");
    return asked.isIntegralNumber() && asked.asLong() != -1 ? asked.asLong() : null;
  }

  /** The parameters that tell tasks apart at a glance: "standard · 720p · 16:9 · 5 s". */
  private static String summary(JsonNode request) {
    var parts = new ArrayList<String>();
    if (!request.path("mode").asString().equals("text-to-video")) {
      parts.add(request.path("mode").asString());
    }
    parts.add(request.path("quality_tier").asString());
    parts.add(request.path("resolution").asString());
    parts.add(request.path("aspect_ratio").asString());
    parts.add(request.path("duration").asString() + " s");
    return String.join(" · ", parts);
  }

  /** Where the API answers, as a user of this page would reach it. */
  String baseUrl() {
    String configured = settings.publicUrl();
    return configured == null || configured.isBlank()
        ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
        : configured;
  }

  private static String shown(long epochMillis) {
    return SHOWN.format(Instant.ofEpochMilli(epochMillis));
  }
}
