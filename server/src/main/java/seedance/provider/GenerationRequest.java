package seedance.provider;

import java.nio.file.Path;
import java.util.List;

/**
 * One task's generation, as the worker hands it to a provider: the validated request, the user's
 * media already fetched safely into {@code workDir}, and the seed to use (chosen at random when the
 * user gave none).
 *
 * @param model the model id the route chose for this provider (an Ark model or {@code ep-} id, a
 *     fal endpoint prefix, a Replicate {@code owner/name}); null lets an adapter use its own
 *     default for the tier
 * @param requestedSeed the seed the user asked for, or null when none (or -1, "random") was given
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
    Path workDir,
    String model,
    Long requestedSeed) {

  /** A request whose seed was asked for, on the adapter's default model (tests, tools). */
  public GenerationRequest(
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
    this(
        taskId,
        mode,
        qualityTier,
        channel,
        prompt,
        aspectRatio,
        durationSeconds,
        resolution,
        generateAudio,
        fixedLens,
        seed,
        startImage,
        endImage,
        media,
        workDir,
        null,
        seed);
  }

  /** The same generation on the model a route names. */
  public GenerationRequest onModel(String routeModel) {
    return new GenerationRequest(
        taskId,
        mode,
        qualityTier,
        channel,
        prompt,
        aspectRatio,
        durationSeconds,
        resolution,
        generateAudio,
        fixedLens,
        seed,
        startImage,
        endImage,
        media,
        workDir,
        routeModel,
        requestedSeed);
  }

  /** The route's model, or {@code fallback} (an adapter's default) when the route named none. */
  public String modelOr(String fallback) {
    return model == null || model.isBlank() ? fallback : model;
  }

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

  /** The media URLs sorted by the type probed from their bytes, never by their names. */
  public record References(List<String> images, List<String> videos) {}

  /**
   * Sorts {@link #media()} into images and videos for upstreams that take them in separate lists; a
   * medium that is neither cannot be sent and refuses the request before any call.
   */
  public References references() {
    var images = new java.util.ArrayList<String>();
    var videos = new java.util.ArrayList<String>();
    for (InputMedia item : media == null ? List.<InputMedia>of() : media) {
      String type = item.type() == null ? "" : item.type();
      if (type.startsWith("image/")) {
        images.add(item.url());
      } else if (type.startsWith("video/")) {
        videos.add(item.url());
      } else {
        throw new ProviderException(
            ProviderException.Kind.REJECTED,
            "unsupported_request",
            "reference media of type " + type + " is neither an image nor a video",
            null);
      }
    }
    return new References(List.copyOf(images), List.copyOf(videos));
  }

  /** A user-supplied media URL and its local copy, with the type found by its magic bytes. */
  public record InputMedia(String url, Path file, String type) {}
}
