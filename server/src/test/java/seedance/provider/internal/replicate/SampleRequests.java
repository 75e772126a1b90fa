package seedance.provider.internal.replicate;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import seedance.provider.GenerationRequest;
import seedance.provider.GenerationRequest.InputMedia;

/** Requests as the worker would hand them over, after our own validation. */
final class SampleRequests {

  static final String PROMPT = "a red fox runs through snow";
  static final long SEED = 42;
  static final InputMedia START =
      new InputMedia("https://cdn.example.com/start.png", Path.of("start"), "image/png");
  static final InputMedia END =
      new InputMedia("https://cdn.example.com/end.jpg", Path.of("end"), "image/jpeg");

  private SampleRequests() {}

  static GenerationRequest textToVideo(String tier) {
    return request("text-to-video", tier, "720p", false, null, null, List.of());
  }

  static GenerationRequest request(
      String mode,
      String tier,
      String resolution,
      boolean fixedLens,
      InputMedia start,
      InputMedia end,
      List<InputMedia> media) {
    return new GenerationRequest(
        "task-1",
        mode,
        tier,
        "standard",
        PROMPT,
        "16:9",
        5,
        resolution,
        true,
        fixedLens,
        SEED,
        start,
        end,
        media,
        Path.of("work"));
  }

  static ReplicateSettings settings(URI baseUrl, String token) {
    return new ReplicateSettings(
        baseUrl,
        token,
        ReplicateSettings.DEFAULT_MODELS,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5));
  }
}
