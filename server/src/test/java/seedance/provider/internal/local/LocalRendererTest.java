package seedance.provider.internal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders real clips with the bundled ffmpeg and reads them back with the bundled ffprobe. Sizes
 * and lengths are small where the check allows, so the class runs in well under a minute.
 */
class LocalRendererTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(1);

  private final LocalRenderer renderer = new LocalRenderer();

  @TempDir Path dir;

  @Test
  void aPortraitClipHasItsSizeLengthFrameRateCodecsAndSound() throws IOException {
    var size = Dimensions.of("720p", "9:16", null);
    var spec = spec(size.width(), size.height(), 4, true, 11, "a lighthouse in a storm");

    var result = renderer.render(spec, dir.resolve("portrait"));

    assertThat(result.video()).isEqualTo(dir.resolve("portrait/video.mp4"));
    assertThat(result.lastFrame()).isEqualTo(dir.resolve("portrait/last_frame.png"));
    JsonNode probe = probe(result.video());
    JsonNode video = stream(probe, "video");
    assertThat(video.path("codec_name").asString()).isEqualTo("h264");
    assertThat(video.path("pix_fmt").asString()).isEqualTo("yuv420p");
    assertThat(video.path("width").asInt()).isEqualTo(720);
    assertThat(video.path("height").asInt()).isEqualTo(1280);
    assertThat(video.path("r_frame_rate").asString()).isEqualTo("24/1");
    assertThat(number(video, "duration")).isCloseTo(4.0, within(0.1));
    assertThat(stream(probe, "audio").path("codec_name").asString()).isEqualTo("aac");
    assertThat(number(probe.path("format"), "duration")).isCloseTo(4.0, within(0.1));
    assertThat(size(result.lastFrame())).containsExactly(720, 1280);
    assertThat(names(dir.resolve("portrait"))).containsExactly("last_frame.png", "video.mp4");
  }

  @Test
  void aTenEightyClipWithoutSoundHasNoAudioStream() throws IOException {
    var size = Dimensions.of("1080p", "16:9", null);
    var spec = spec(size.width(), size.height(), 4, false, 12, "city lights at night");

    var result = renderer.render(spec, dir);

    JsonNode probe = probe(result.video());
    JsonNode video = stream(probe, "video");
    assertThat(video.path("width").asInt()).isEqualTo(1920);
    assertThat(video.path("height").asInt()).isEqualTo(1080);
    assertThat(number(video, "duration")).isCloseTo(4.0, within(0.1));
    assertThat(codecTypes(probe)).containsExactly("video");
    assertThat(size(result.lastFrame())).containsExactly(1920, 1080);
  }

  @Test
  void aLongerClipWithAFixedLensAndNoPromptLastsItsDuration() throws IOException {
    var spec = new RenderSpec(320, 180, 12, true, 13, "  ", true, null, null);

    var result = renderer.render(spec, dir);

    JsonNode probe = probe(result.video());
    assertThat(number(stream(probe, "video"), "duration")).isCloseTo(12.0, within(0.1));
    assertThat(number(stream(probe, "audio"), "duration")).isCloseTo(12.0, within(0.1));
    assertThat(number(probe.path("format"), "duration")).isCloseTo(12.0, within(0.1));
    assertThat(stream(probe, "video").path("r_frame_rate").asString()).isEqualTo("24/1");
  }

  @Test
  void theSameSpecGivesTheSameBytesAndAnotherSeedOtherBytes() throws IOException {
    var spec = new RenderSpec(320, 240, 3, true, 42, "same in, same out", false, null, null);
    var otherSeed = new RenderSpec(320, 240, 3, true, 43, "same in, same out", false, null, null);

    var first = renderer.render(spec, dir.resolve("first"));
    var second = renderer.render(spec, dir.resolve("second"));
    var other = renderer.render(otherSeed, dir.resolve("other"));

    assertThat(bytes(second.video())).isEqualTo(bytes(first.video()));
    assertThat(bytes(second.lastFrame())).isEqualTo(bytes(first.lastFrame()));
    assertThat(bytes(other.video())).isNotEqualTo(bytes(first.video()));
    assertThat(bytes(other.lastFrame())).isNotEqualTo(bytes(first.lastFrame()));
  }

  @Test
  void theStartImageOpensTheClipAndTheEndImageClosesIt() throws IOException {
    Path start = solidImage("start.png", Color.RED, 640, 480);
    Path end = solidImage("end.png", Color.BLUE, 300, 500);
    var spec = new RenderSpec(480, 270, 2, false, 7, "from red to blue", false, start, end);

    var result = renderer.render(spec, dir);

    BufferedImage firstFrame = decodeFrame(result.video(), 0);
    assertThat(shareOf(firstFrame, Color.RED)).isGreaterThan(0.95);
    assertThat(shareOf(ImageIO.read(result.lastFrame().toFile()), Color.BLUE)).isGreaterThan(0.95);
    assertThat(shareOf(decodeFrame(result.video(), 2 * RenderCommand.FPS - 1), Color.BLUE))
        .isGreaterThan(0.95);
    BufferedImage middle = decodeFrame(result.video(), RenderCommand.FPS);
    assertThat(shareOf(middle, Color.RED) + shareOf(middle, Color.BLUE)).isLessThan(0.5);
    var again = renderer.render(spec, dir.resolve("again"));
    assertThat(bytes(again.video())).isEqualTo(bytes(result.video()));
    assertThat(bytes(again.lastFrame())).isEqualTo(bytes(result.lastFrame()));
  }

  @Test
  void anUnreadableStartImageFailsWithFfmpegsOwnWords() throws IOException {
    Path broken = Files.write(dir.resolve("broken.png"), new byte[] {1, 2, 3, 4, 5});
    var spec = new RenderSpec(320, 180, 1, false, 1, "x", false, broken, null);

    assertThatThrownBy(() -> renderer.render(spec, dir.resolve("out")))
        .isInstanceOf(FfmpegException.class)
        .hasMessageContaining("ffmpeg failed with exit code")
        .hasMessageContaining("Invalid data found when processing input");
    assertThat(names(dir.resolve("out"))).isEmpty();
  }

  @Test
  void aMissingStartImageIsRefusedBeforeRendering() {
    var spec = new RenderSpec(320, 180, 1, false, 1, "x", false, dir.resolve("none.png"), null);

    assertThatThrownBy(() -> renderer.render(spec, dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("start image");
  }

  @Test
  void anFfmpegThatOverrunsItsTimeIsKilled() {
    var endless = List.of("-nostdin", "-f", "lavfi", "-i", "testsrc2=s=64x64", "-f", "null", "-");

    long started = System.nanoTime();
    assertThatThrownBy(() -> FfmpegBinaries.get().runFfmpeg(endless, dir, Duration.ofSeconds(1)))
        .isInstanceOf(FfmpegException.class)
        .hasMessageContaining("did not finish within 1 s and was killed");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
  }

  private static RenderSpec spec(
      int width, int height, int seconds, boolean audio, long seed, String prompt) {
    return new RenderSpec(width, height, seconds, audio, seed, prompt, false, null, null);
  }

  private static JsonNode probe(Path video) {
    String json =
        FfmpegBinaries.get()
            .runFfprobe(
                List.of(
                    "-v",
                    "error",
                    "-show_streams",
                    "-show_format",
                    "-of",
                    "json",
                    video.toString()),
                PROBE_TIMEOUT);
    return JSON.readTree(json);
  }

  private static JsonNode stream(JsonNode probe, String codecType) {
    for (JsonNode stream : probe.path("streams")) {
      if (stream.path("codec_type").asString().equals(codecType)) {
        return stream;
      }
    }
    throw new AssertionError("no " + codecType + " stream in " + probe);
  }

  private static List<String> codecTypes(JsonNode probe) {
    var types = new ArrayList<String>();
    probe.path("streams").forEach(stream -> types.add(stream.path("codec_type").asString()));
    return types;
  }

  private static double number(JsonNode node, String field) {
    return Double.parseDouble(node.path(field).asString());
  }

  private static byte[] bytes(Path file) throws IOException {
    return Files.readAllBytes(file);
  }

  private static List<String> names(Path directory) throws IOException {
    try (var files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  private static List<Integer> size(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    return List.of(image.getWidth(), image.getHeight());
  }

  private Path solidImage(String name, Color color, int width, int height) throws IOException {
    var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, color.getRGB());
      }
    }
    Path file = dir.resolve(name);
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  /** Decodes frame {@code index} of {@code video} with ffmpeg, as a player would show it. */
  private BufferedImage decodeFrame(Path video, int index) throws IOException {
    Path frame = Files.createTempFile(dir, "frame-" + index + "-", ".png");
    FfmpegBinaries.get()
        .runFfmpeg(
            List.of(
                "-nostdin",
                "-v",
                "error",
                "-i",
                video.toString(),
                "-vf",
                "select='eq(n," + index + ")'",
                "-frames:v",
                "1",
                "-update",
                "1",
                "-y",
                frame.toString()),
            dir,
            PROBE_TIMEOUT);
    return ImageIO.read(frame.toFile());
  }

  /** Share of pixels, on a sampling grid, within a small distance of {@code color}. */
  private static double shareOf(BufferedImage image, Color color) {
    int matching = 0;
    int sampled = 0;
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        var pixel = new Color(image.getRGB(x, y));
        sampled++;
        if (Math.abs(pixel.getRed() - color.getRed()) < 40
            && Math.abs(pixel.getGreen() - color.getGreen()) < 40
            && Math.abs(pixel.getBlue() - color.getBlue()) < 40) {
          matching++;
        }
      }
    }
    return (double) matching / sampled;
  }
}
