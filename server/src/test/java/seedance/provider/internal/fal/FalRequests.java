package seedance.provider.internal.fal;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import seedance.provider.GenerationRequest;
import seedance.provider.GenerationRequest.InputMedia;

/** Requests and settings for driving {@link FalProvider} against {@link FalFakeServer}. */
final class FalRequests {

  private FalRequests() {}

  static FalSettings settings(String key, URI url) {
    return FalSettings.withDefaults(key).withQueueUrl(url);
  }

  static GenerationRequest request(
      String mode, String tier, String prompt, String ratio, String resolution, boolean fixed) {
    return new GenerationRequest(
        "task-1",
        mode,
        tier,
        "standard",
        prompt,
        ratio,
        5,
        resolution,
        true,
        fixed,
        1234L,
        null,
        null,
        List.of(),
        Path.of("/tmp/unused"));
  }

  static GenerationRequest withImages(GenerationRequest r, InputMedia start, InputMedia end) {
    return new GenerationRequest(
        r.taskId(),
        r.mode(),
        r.qualityTier(),
        r.channel(),
        r.prompt(),
        r.aspectRatio(),
        r.durationSeconds(),
        r.resolution(),
        r.generateAudio(),
        r.fixedLens(),
        r.seed(),
        start,
        end,
        r.media(),
        r.workDir());
  }

  static GenerationRequest withMedia(GenerationRequest r, List<InputMedia> media) {
    return new GenerationRequest(
        r.taskId(),
        r.mode(),
        r.qualityTier(),
        r.channel(),
        r.prompt(),
        r.aspectRatio(),
        r.durationSeconds(),
        r.resolution(),
        r.generateAudio(),
        r.fixedLens(),
        r.seed(),
        r.startImage(),
        r.endImage(),
        media,
        r.workDir());
  }

  static InputMedia media(String url, String type) {
    return new InputMedia(url, Path.of("/tmp/unused"), type);
  }
}
