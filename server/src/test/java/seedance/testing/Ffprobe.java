package seedance.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.ffprobe;
import org.bytedeco.javacpp.Loader;
import tools.jackson.databind.JsonNode;

/** The bundled ffprobe, to check videos the way a media tool sees them. */
public final class Ffprobe {

  private Ffprobe() {}

  public static JsonNode probe(Path file) {
    try {
      String binary = Loader.load(ffprobe.class);
      var builder =
          new ProcessBuilder(
                  binary,
                  "-v",
                  "error",
                  "-show_streams",
                  "-show_format",
                  "-of",
                  "json",
                  file.toString())
              .redirectErrorStream(true);
      // The bundled executable finds its own libraries' dependencies (libva) only through this
      // path.
      builder.environment().put("LD_LIBRARY_PATH", Path.of(binary).getParent().toString());
      var process = builder.start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError("ffprobe failed: " + new String(out));
      }
      return Api.JSON.readTree(out);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
