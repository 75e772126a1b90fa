package seedance.provider;

import java.nio.file.Path;

/**
 * A generation's state. A succeeded generation has its outputs either as local files (the local
 * renderer) or as upstream URLs the worker re-hosts at once (they expire in hours); {@code
 * lastFrameUrl} may be null where the upstream gives no last frame. {@code usageJson} is what the
 * upstream reported (duration, resolution, tokens), stored on the task; {@code seed} is null when
 * the upstream does not say.
 */
public record GenerationStatus(
    State state,
    Path video,
    Path lastFrame,
    String videoUrl,
    String lastFrameUrl,
    Long seed,
    String usageJson,
    String errorCode,
    String errorMessage) {

  public enum State {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  public static GenerationStatus running() {
    return new GenerationStatus(State.RUNNING, null, null, null, null, null, null, null, null);
  }

  public static GenerationStatus succeeded(Path video, Path lastFrame, long seed) {
    return new GenerationStatus(
        State.SUCCEEDED, video, lastFrame, null, null, seed, null, null, null);
  }

  public static GenerationStatus succeededRemote(
      String videoUrl, String lastFrameUrl, Long seed, String usageJson) {
    return new GenerationStatus(
        State.SUCCEEDED, null, null, videoUrl, lastFrameUrl, seed, usageJson, null, null);
  }

  /** {@code code} is the task's public error code, e.g. content_rejected or generation_failed. */
  public static GenerationStatus failed(String code, String message) {
    return new GenerationStatus(State.FAILED, null, null, null, null, null, null, code, message);
  }
}
