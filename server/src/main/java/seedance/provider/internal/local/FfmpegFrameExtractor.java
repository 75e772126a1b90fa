package seedance.provider.internal.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import seedance.provider.FrameExtractor;

/** The last frame with the bundled ffmpeg, reading only the local file. */
@Component
class FfmpegFrameExtractor implements FrameExtractor {

  @Override
  public void lastFrame(Path video, Path png) {
    FfmpegBinaries.get()
        .runFfmpeg(
            List.of(
                "-hide_banner",
                "-nostdin",
                "-loglevel",
                "error",
                "-protocol_whitelist",
                "file",
                // Seek near the end, then keep overwriting one image: the last decoded frame
                // remains.
                "-sseof",
                "-1",
                "-i",
                video.toString(),
                "-update",
                "1",
                "-frames:v",
                "100",
                "-y",
                png.toString()),
            png.getParent(),
            Duration.ofSeconds(60));
  }
}
