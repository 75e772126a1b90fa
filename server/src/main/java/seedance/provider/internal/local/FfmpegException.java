package seedance.provider.internal.local;

/** ffmpeg or ffprobe could not be loaded, did not run, failed or overran its time. */
public class FfmpegException extends RuntimeException {

  FfmpegException(String message) {
    super(message);
  }

  FfmpegException(String message, Throwable cause) {
    super(message, cause);
  }
}
