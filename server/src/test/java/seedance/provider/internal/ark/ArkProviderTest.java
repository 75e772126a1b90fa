package seedance.provider.internal.ark;

import static org.assertj.core.api.Assertions.assertThat;
import static seedance.provider.internal.ark.ArkFixtures.MODELS;
import static seedance.provider.internal.ark.ArkFixtures.provider;
import static seedance.provider.internal.ark.ArkFixtures.request;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import seedance.provider.GenerationRequest;
import seedance.provider.GenerationStatus;
import seedance.provider.GenerationStatus.State;
import tools.jackson.databind.json.JsonMapper;

/** Polling and cancelling Ark tasks through their whole life on the fake. */
class ArkProviderTest {

  private final JsonMapper json = JsonMapper.builder().build();
  private ArkFakeServer ark;
  private ArkProvider provider;

  @BeforeEach
  void start() throws IOException {
    ark = new ArkFakeServer();
    provider = provider(ark.baseUrl(), ArkFakeServer.KEY, MODELS, false, Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    ark.close();
  }

  @Test
  void pollRunsUntilSucceededWithOutputsSeedAndUsage() {
    GenerationRequest request = request("text-to-video", null, null, List.of(), false, "720p");
    String id = provider.submit(request);

    assertThat(provider.poll(id, request).state()).isEqualTo(State.RUNNING);
    assertThat(provider.poll(id, request).state()).isEqualTo(State.RUNNING);
    GenerationStatus done = provider.poll(id, request);

    assertThat(done.state()).isEqualTo(State.SUCCEEDED);
    assertThat(done.videoUrl()).isEqualTo("https://tos.example/" + id + ".mp4?X-Tos-Expires=86400");
    assertThat(done.lastFrameUrl()).isEqualTo("https://tos.example/" + id + "-last.png");
    assertThat(done.seed()).isEqualTo(4242L);
    assertThat(json.readTree(done.usageJson()))
        .isEqualTo(
            json.readTree(
                """
                {"usage":{"completion_tokens":108900,"total_tokens":108900},
                 "duration":5,"resolution":"720p","ratio":"16:9"}
                """));
    assertThat(done.usageJson()).doesNotContain(" ", "\n");
  }

  @Test
  void moderatedTaskFailsAsContentRejected() {
    ark.failTasksWith("OutputAudioSensitiveContentDetected");
    GenerationRequest request = request("text-to-video", null, null, List.of(), false, "720p");
    String id = provider.submit(request);

    provider.poll(id, request);
    provider.poll(id, request);
    GenerationStatus failed = provider.poll(id, request);

    assertThat(failed.state()).isEqualTo(State.FAILED);
    assertThat(failed.errorCode()).isEqualTo("content_rejected");
    assertThat(failed.errorMessage()).contains("moderation");
  }

  @Test
  void failedTaskWithAnotherCodeIsGenerationFailed() {
    ark.failTasksWith("InternalServiceError");
    GenerationRequest request = request("text-to-video", null, null, List.of(), false, "720p");
    String id = provider.submit(request);
    ark.setStatus(id, "running");

    provider.poll(id, request);
    GenerationStatus failed = provider.poll(id, request);

    assertThat(failed.errorCode()).isEqualTo("generation_failed");
  }

  @Test
  void succeededWithoutAVideoUrlFails() {
    ark.dropOutputs();
    GenerationRequest request = request("text-to-video", null, null, List.of(), false, "720p");
    String id = provider.submit(request);
    ark.setStatus(id, "succeeded");

    GenerationStatus status = provider.poll(id, request);

    assertThat(status.state()).isEqualTo(State.FAILED);
    assertThat(status.errorCode()).isEqualTo("generation_failed");
  }

  @Test
  void expiredTaskFailsAsGenerationFailed() {
    GenerationRequest request = request("text-to-video", null, null, List.of(), false, "720p");
    String id = provider.submit(request);
    ark.setStatus(id, "expired");

    assertThat(provider.poll(id, request).errorCode()).isEqualTo("generation_failed");
  }

  @Test
  void unknownStatusStaysRunning() {
    GenerationRequest request = request("text-to-video", null, null, List.of(), false, "720p");
    String id = provider.submit(request);
    ark.setStatus(id, "paused_for_review");

    assertThat(provider.poll(id, request).state()).isEqualTo(State.RUNNING);
    assertThat(provider.poll(id, request).state()).isEqualTo(State.RUNNING);
  }

  @Test
  void cancelCancelsAQueuedTaskAndIgnoresARunningOne() {
    GenerationRequest request = request("text-to-video", null, null, List.of(), false, "720p");
    String queued = provider.submit(request);
    String running = provider.submit(request);
    ark.setStatus(running, "running");

    provider.cancel(queued);
    provider.cancel(running);

    assertThat(ark.status(queued)).isEqualTo("cancelled");
    assertThat(ark.status(running)).isEqualTo("running");
    assertThat(provider.poll(queued, request).errorCode()).isEqualTo("generation_failed");
  }

  @Test
  void taskArkNoLongerKnowsFails() {
    GenerationRequest request = request("text-to-video", null, null, List.of(), false, "720p");

    assertThat(provider.poll("cgt-20260101000000-gone0", request).state()).isEqualTo(State.FAILED);
  }
}
