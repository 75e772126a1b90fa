package seedance.provider.internal.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import seedance.provider.GenerationRequest;
import seedance.provider.GenerationStatus;
import seedance.provider.VideoProvider;

/**
 * The built-in provider: renders with the bundled ffmpeg, needs no account and no network.
 * Rendering is deterministic and free, so an attempt that finds no output simply renders again.
 */
@Component
class LocalVideoProvider implements VideoProvider {

  static final String NAME = "local";

  private final LocalRenderer renderer = new LocalRenderer();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean local() {
    return true;
  }

  @Override
  public String submit(GenerationRequest request) {
    return NAME + ":" + request.taskId();
  }

  @Override
  public GenerationStatus poll(String upstreamId, GenerationRequest request) {
    Path out = request.workDir().resolve("render");
    Path video = out.resolve("video.mp4");
    Path lastFrame = out.resolve("last_frame.png");
    if (!Files.exists(video) || !Files.exists(lastFrame)) {
      var size =
          Dimensions.of(
              request.resolution(), request.aspectRatio(), imageRatio(request.startImage()));
      var result =
          renderer.render(
              new RenderSpec(
                  size.width(),
                  size.height(),
                  request.durationSeconds(),
                  request.generateAudio(),
                  request.seed(),
                  request.prompt(),
                  request.fixedLens(),
                  file(request.startImage()),
                  file(request.endImage())),
              out);
      video = result.video();
      lastFrame = result.lastFrame();
    }
    return GenerationStatus.succeeded(video, lastFrame, request.seed());
  }

  private static Path file(GenerationRequest.InputMedia media) {
    return media == null ? null : media.file();
  }

  /**
   * Width / height of the start image, for the {@code adaptive} aspect ratio; probed on the local
   * copy.
   */
  private static Double imageRatio(GenerationRequest.InputMedia start) {
    if (start == null) {
      return null;
    }
    String size =
        FfmpegBinaries.get()
            .runFfprobe(
                List.of(
                    "-v",
                    "error",
                    "-protocol_whitelist",
                    "file",
                    "-select_streams",
                    "v:0",
                    "-show_entries",
                    "stream=width,height",
                    "-of",
                    "csv=p=0:s=x",
                    start.file().toString()),
                Duration.ofSeconds(20))
            .trim();
    String[] parts = size.split("x");
    return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
  }
}
