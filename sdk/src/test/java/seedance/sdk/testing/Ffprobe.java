package seedance.sdk.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.ffprobe;
import org.bytedeco.javacpp.Loader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ffprobe bundled in the test dependencies: is a downloaded file a real video? */
public final class Ffprobe {

  private Ffprobe() {}

  /** ffprobe's {@code -show_streams -show_format} as JSON; fails when ffprobe cannot read it. */
  public static JsonNode probe(Path file) {
    String binary = Loader.load(ffprobe.class);
    var builder =
        new ProcessBuilder(
            binary, "-v", "error", "-show_streams", "-show_format", "-of", "json", file.toString());
    builder.environment().put("LD_LIBRARY_PATH", Path.of(binary).getParent().toString());
    try {
      var process = builder.redirectErrorStream(true).start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError("ffprobe failed: " + new String(out));
      }
      return JsonMapper.builder().build().readTree(out);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The codec names of the streams, e.g. {@code [h264, aac]}. */
  public static List<String> codecs(JsonNode probe) {
    return probe.path("streams").valueStream().map(s -> s.path("codec_name").asString()).toList();
  }
}
