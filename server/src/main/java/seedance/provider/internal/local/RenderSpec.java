package seedance.provider.internal.local;

import java.nio.file.Path;

/**
 * What the local renderer is asked to draw. The same spec always gives byte-identical files.
 *
 * @param width output width in pixels, even (see {@link Dimensions})
 * @param height output height in pixels, even
 * @param durationSeconds length of the clip
 * @param generateAudio whether the clip carries a sound track
 * @param seed drives the colours, motion and tune
 * @param prompt drawn over the picture; null or blank draws no text
 * @param fixedLens whether the camera stays still (no pan or zoom)
 * @param startImage opening frame, or null
 * @param endImage closing frame, or null
 */
public record RenderSpec(
    int width,
    int height,
    int durationSeconds,
    boolean generateAudio,
    long seed,
    String prompt,
    boolean fixedLens,
    Path startImage,
    Path endImage) {

  static final int MAX_DURATION_SECONDS = 60;

  public RenderSpec {
    new Dimensions(width, height); // refuses odd and non-positive sizes, which x264 cannot encode
    if (durationSeconds < 1 || durationSeconds > MAX_DURATION_SECONDS) {
      throw new IllegalArgumentException(
          "duration must be 1 to " + MAX_DURATION_SECONDS + " seconds: " + durationSeconds);
    }
    prompt = prompt == null ? "" : prompt;
  }
}
