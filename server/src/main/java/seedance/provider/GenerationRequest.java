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

  /**
   * Seedance 2.0 upstreams have no fixed-lens field ({@code camera_fixed} is refused), so the wish
   * is said in the prompt, the same way on every upstream.
   */
  public static final String FIXED_LENS_SENTENCE =
      "Static, locked-off camera: the camera does not move, pan, tilt or zoom.";

  /** The prompt as an upstream gets it: with the fixed-lens sentence appended when asked for. */
  public String upstreamPrompt() {
    String text = prompt == null ? "" : prompt.strip();
    if (!fixedLens) {
      return text;
    }
    return text.isEmpty() ? FIXED_LENS_SENTENCE : text + " " + FIXED_LENS_SENTENCE;
  }

  /** A user-supplied media URL and its local copy, with the type found by its magic bytes. */
  public record InputMedia(String url, Path file, String type) {}
}
