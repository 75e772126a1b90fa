package seedance.provider;

import java.nio.file.Path;

/** A generation's state. Outputs are local files the worker moves into the output store. */
public record GenerationStatus(
    State state, Path video, Path lastFrame, long seed, String errorCode, String errorMessage) {

  public enum State {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  public static GenerationStatus running() {
    return new GenerationStatus(State.RUNNING, null, null, 0, null, null);
  }

  public static GenerationStatus succeeded(Path video, Path lastFrame, long seed) {
    return new GenerationStatus(State.SUCCEEDED, video, lastFrame, seed, null, null);
  }

  public static GenerationStatus failed(String code, String message) {
    return new GenerationStatus(State.FAILED, null, null, 0, code, message);
  }
}
