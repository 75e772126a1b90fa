package seedance.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.ffprobe;
import org.bytedeco.javacpp.Loader;
import tools.jackson.databind.JsonNode;

/** The bundled ffprobe and ffmpeg, to check videos the way a media tool sees them. */
public final class Ffprobe {

  private Ffprobe() {}

  /** Decodes the first frame of {@code video} into a PNG at {@code png}. */
  public static void firstFrame(Path video, Path png) {
    run(
        Loader.load(org.bytedeco.ffmpeg.ffmpeg.class),
        java.util.List.of(
            "-v", "error", "-y", "-i", video.toString(), "-frames:v", "1", png.toString()));
  }

  private static byte[] run(String binary, java.util.List<String> arguments) {
    try {
      var command = new java.util.ArrayList<String>();
      command.add(binary);
      command.addAll(arguments);
      var builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("LD_LIBRARY_PATH", Path.of(binary).getParent().toString());
      var process = builder.start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError(binary + " failed: " + new String(out));
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public static JsonNode probe(Path file) {
    return Api.JSON.readTree(
        run(
            Loader.load(ffprobe.class),
            java.util.List.of(
                "-v", "error", "-show_streams", "-show_format", "-of", "json", file.toString())));
  }
}
