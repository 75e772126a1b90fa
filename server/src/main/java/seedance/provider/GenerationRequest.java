package seedance.provider;

import java.nio.file.Path;
import java.util.List;

/**
 * One task's generation, as the worker hands it to a provider: the validated request, the user's
 * media already fetched safely into {@code workDir}, and the seed to use (chosen at random when the
 * user gave none).
 */
public record GenerationRequest(
    String taskId,
    String mode,
    String qualityTier,
    String channel,
    String prompt,
    String aspectRatio,
    int durationSeconds,
    String resolution,
    boolean generateAudio,
    boolean fixedLens,
    long seed,
    InputMedia startImage,
    InputMedia endImage,
    List<InputMedia> media,
    Path workDir) {

  /** A user-supplied media URL and its local copy, with the type found by its magic bytes. */
  public record InputMedia(String url, Path file, String type) {}
}
