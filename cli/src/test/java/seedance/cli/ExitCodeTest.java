package seedance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import seedance.sdk.testing.ScriptedServer;
import seedance.sdk.testing.ScriptedServer.Step;

/** Exit codes for answers a real server rarely gives on cue, against a scripted server. */
class ExitCodeTest {

  private static final String FAILED_TASK =
      "{\"id\":\"sd2_abc\",\"status\":\"failed\",\"model\":\"seedance2\","
          + "\"quality_tier\":\"standard\",\"channel\":\"standard\",\"credits_used\":30,"
          + "\"credits_refunded\":30,\"output\":null,\"error\":{\"code\":\"generation_failed\","
          + "\"message\":\"the renderer gave up\"},\"created_at\":\"2026-06-03T10:00:00.000Z\","
          + "\"updated_at\":\"2026-06-03T10:00:01.000Z\"}";

  private static int run(ScriptedServer server, StringWriter err, String... args) {
    return run(server, err, new StringWriter(), args);
  }

  private static int run(
      ScriptedServer server, StringWriter err, StringWriter out, String... args) {
    var commandLine = Main.commandLine();
    commandLine.setErr(new PrintWriter(err));
    commandLine.setOut(new PrintWriter(out));
    var all = new java.util.ArrayList<>(java.util.List.of(args));
    all.addAll(java.util.List.of("--api-key", "sk_live_x", "--base-url", server.baseUrl()));
    return commandLine.execute(all.toArray(String[]::new));
  }

  @Test
  void rateLimitedAndBusyAfterRetriesAndConflicts() throws Exception {
    try (var server =
        new ScriptedServer(Step.error(429, "rate_limited", Map.of("Retry-After", "0")))) {
      var err = new StringWriter();
      assertThat(run(server, err, "task", "get", "sd2_x")).isEqualTo(ExitCodes.RATE_LIMITED);
      assertThat(err.toString()).startsWith("error: rate_limited: scripted rate_limited");
      assertThat(server.requests()).hasSize(4); // the first try and three retries
    }
    try (var server =
        new ScriptedServer(Step.error(503, "service_busy", Map.of("Retry-After", "0")))) {
      assertThat(run(server, new StringWriter(), "task", "get", "sd2_x"))
          .isEqualTo(ExitCodes.SERVICE_BUSY);
    }
    try (var server = new ScriptedServer(Step.error(409, "idempotency_conflict", Map.of()))) {
      assertThat(run(server, new StringWriter(), "video", "create", "--prompt", "a fox"))
          .isEqualTo(ExitCodes.IDEMPOTENCY_CONFLICT);
      assertThat(server.requests()).hasSize(1);
    }
    try (var server = new ScriptedServer(Step.json(200, "{}"))) {
      assertThat(run(server, new StringWriter(), "video", "create", "--duration", "x"))
          .isEqualTo(ExitCodes.USAGE);
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void aFailedTaskAndATimedOutWaitHaveTheirOwnCodes() throws Exception {
    try (var server =
        new ScriptedServer(
            Step.json(
                202,
                "{\"id\":\"sd2_abc\",\"status\":\"processing\",\"model\":\"seedance2\","
                    + "\"quality_tier\":\"standard\",\"channel\":\"standard\",\"credits_used\":30}"),
            Step.json(200, FAILED_TASK))) {
      var out = new StringWriter();
      assertThat(
              run(
                  server,
                  new StringWriter(),
                  out,
                  "video",
                  "create",
                  "--prompt",
                  "a fox",
                  "--wait"))
          .isEqualTo(ExitCodes.TASK_FAILED);
      assertThat(out.toString()).contains("error:    generation_failed: the renderer gave up");
    }
    try (var server =
        new ScriptedServer(Step.json(200, FAILED_TASK.replace("\"failed\"", "\"processing\"")))) {
      var err = new StringWriter();
      assertThat(run(server, err, "task", "wait", "sd2_abc", "--timeout", "1s"))
          .isEqualTo(ExitCodes.WAIT_TIMEOUT);
      assertThat(err.toString()).contains("still processing");
    }
  }
}
