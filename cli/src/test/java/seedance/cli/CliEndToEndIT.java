package seedance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import seedance.sdk.testing.Ffprobe;
import seedance.sdk.testing.LocalServer;
import tools.jackson.databind.json.JsonMapper;

/** The CLI jar against the real packaged server: create → wait → download, and the exit codes. */
class CliEndToEndIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static LocalServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = LocalServer.start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private static Map<String, String> env(String key) {
    return Map.of("SEEDANCE_API_KEY", key, "SEEDANCE_BASE_URL", server.baseUrl());
  }

  @Test
  void createWaitAndDownloadWithJsonOutput() throws Exception {
    var env = env(server.newCustomerKey(100));
    var video = Files.createTempDirectory("cli-e2e").resolve("out.mp4");

    var created =
        CliProcess.run(
            env,
            "video",
            "create",
            "--prompt",
            "a paper boat drifting down a rainy street, low angle",
            "--duration",
            "4",
            "--aspect-ratio",
            "9:16",
            "--no-generate-audio",
            "--seed",
            "7",
            "--download",
            video.toString(),
            "--json");

    assertThat(created.exit()).as(created.stderr()).isZero();
    var task = JSON.readTree(created.stdout());
    assertThat(task.path("status").asString()).isEqualTo("completed");
    assertThat(task.path("output").path("seed").asLong()).isEqualTo(7);
    assertThat(created.stderr()).contains("completed").contains("saved");
    var probe = Ffprobe.probe(video);
    assertThat(Ffprobe.codecs(probe)).containsExactly("h264"); // no audio asked for
    assertThat(probe.path("streams").get(0).path("height").asInt()).isEqualTo(1280);

    String id = task.path("id").asString();
    var got = CliProcess.run(env, "task", "get", id, "--json");
    assertThat(got.exit()).isZero();
    assertThat(JSON.readTree(got.stdout()).path("id").asString()).isEqualTo(id);

    var waited = CliProcess.run(env, "task", "wait", id);
    assertThat(waited.exit()).isZero();
    assertThat(waited.stdout()).contains("status:   completed").contains("video:    http");
  }

  @Test
  void createWithoutWaitPrintsTheTaskIdAtOnce() throws Exception {
    var result =
        CliProcess.run(
            env(server.newCustomerKey(100)), "video", "create", "--prompt", "a kite over dunes");

    assertThat(result.exit()).as(result.stderr()).isZero();
    assertThat(result.stdout()).matches("sd2_\\w{24} processing \\(30 credits\\)\\R");
  }

  @Test
  void exitCodesTellTheKindOfError() throws Exception {
    var poor = env(server.newCustomerKey(0));

    var missing = CliProcess.run(poor, "task", "get", "sd2_000000000000000000000000");
    assertThat(missing.exit()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(missing.stderr()).startsWith("error: not_found:");

    var invalid = CliProcess.run(poor, "video", "create", "--prompt", "a fox", "--duration", "3");
    assertThat(invalid.exit()).isEqualTo(ExitCodes.INVALID_REQUEST);
    assertThat(invalid.stderr()).contains("(duration)");

    var broke = CliProcess.run(poor, "video", "create", "--prompt", "a fox in the snow");
    assertThat(broke.exit()).isEqualTo(ExitCodes.INSUFFICIENT_CREDITS);

    var stranger =
        CliProcess.run(
            Map.of(),
            "task",
            "get",
            "sd2_000000000000000000000000",
            "--api-key",
            "sk_live_000000000000000000000000000000000000000000",
            "--base-url",
            server.baseUrl());
    assertThat(stranger.exit()).isEqualTo(ExitCodes.UNAUTHORIZED);

    var noKey = CliProcess.run(Map.of(), "task", "get", "sd2_000000000000000000000000");
    assertThat(noKey.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(noKey.stderr()).contains("SEEDANCE_API_KEY");
  }
}
