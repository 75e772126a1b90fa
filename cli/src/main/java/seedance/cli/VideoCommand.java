package seedance.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import seedance.sdk.VideoRequest;

@Command(
    name = "video",
    description = "Video jobs.",
    mixinStandardHelpOptions = true,
    subcommands = VideoCommand.Create.class)
final class VideoCommand {

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Submit a video job (POST /api/v1/video/seedance2) and print its task id.",
        "Unset options take the server's defaults."
      })
  static final class Create implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(names = "--prompt", required = true, description = "3 to 10000 characters.")
    String prompt;

    @Option(
        names = "--mode",
        description = "text-to-video (default), image-to-video, media-to-video")
    String mode;

    @Option(names = "--quality-tier", description = "mini, standard (default), pro")
    String qualityTier;

    @Option(names = "--channel", description = "standard (default), real, wild")
    String channel;

    @Option(
        names = "--aspect-ratio",
        description = "16:9 (default), 1:1, 21:9, 4:3, 3:4, 9:16, adaptive")
    String aspectRatio;

    @Option(names = "--duration", description = "Seconds, 4 to 15 (default 5).")
    Integer duration;

    @Option(
        names = "--resolution",
        description = "720p (default), 1080p, 1080p-plus, 4k (the last two on pro)")
    String resolution;

    @Option(names = "--image-url", description = "Start frame (image-to-video).")
    String imageUrl;

    @Option(names = "--end-image-url", description = "End frame (image-to-video).")
    String endImageUrl;

    @Option(
        names = "--media-url",
        description = "A reference image or video (media-to-video); repeat up to 12 times.")
    List<String> mediaUrls;

    @Option(
        names = "--generate-audio",
        negatable = true,
        description = "Generate sound (default: on; --no-generate-audio for silent).")
    Boolean generateAudio;

    @Option(names = "--fixed-lens", description = "Lock the camera lens.")
    Boolean fixedLens;

    @Option(names = "--seed", description = "-1 to 4294967295 (not on the real channel or mini).")
    Long seed;

    @Option(
        names = "--idempotency-key",
        description = "Reuse to make a repeated command return the same task (default: random).")
    String idempotencyKey;

    @Option(names = "--wait", description = "Wait until the task is completed or failed.")
    boolean waitForIt;

    @Option(
        names = "--download",
        paramLabel = "FILE",
        description = "Wait, then save the video to FILE (implies --wait).")
    Path download;

    @Option(
        names = "--timeout",
        defaultValue = "10m",
        converter = Durations.class,
        description = "How long --wait waits: 90s, 10m, 1h (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--json", description = "Print JSON (the task) for scripts.")
    boolean json;

    @Override
    public Integer call() {
      var client = api.client();
      var request =
          new VideoRequest(
              mode,
              qualityTier,
              channel,
              prompt,
              aspectRatio,
              duration == null ? null : duration.toString(),
              resolution,
              imageUrl,
              endImageUrl,
              mediaUrls,
              generateAudio,
              fixedLens,
              seed);
      String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
      var created = client.videos().create(request, key);
      var out = spec.commandLine().getOut();
      if (!waitForIt && download == null) {
        Output.created(out, created, json);
        return ExitCodes.OK;
      }
      var err = spec.commandLine().getErr();
      if (!json) {
        Output.created(out, created, false);
      }
      var task = client.tasks().waitFor(created.id(), timeout, new Progress(err));
      if (task.isCompleted() && download != null) {
        Path saved = client.tasks().download(task, download);
        err.println("saved " + saved);
        err.flush();
      }
      Output.task(out, task, json);
      return task.isFailed() ? ExitCodes.TASK_FAILED : ExitCodes.OK;
    }
  }
}
