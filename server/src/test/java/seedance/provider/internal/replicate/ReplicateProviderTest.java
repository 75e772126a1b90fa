package seedance.provider.internal.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static seedance.provider.internal.replicate.SampleRequests.END;
import static seedance.provider.internal.replicate.SampleRequests.START;
import static seedance.provider.internal.replicate.SampleRequests.request;
import static seedance.provider.internal.replicate.SampleRequests.settings;
import static seedance.provider.internal.replicate.SampleRequests.textToVideo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import seedance.provider.GenerationRequest.InputMedia;
import seedance.provider.GenerationStatus;
import seedance.provider.GenerationStatus.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What Replicate receives for each mode, and how its predictions read back as task states. */
class ReplicateProviderTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ReplicateFakeServer fake;
  private ReplicateProvider provider;

  @BeforeEach
  void startFake() throws IOException {
    fake = new ReplicateFakeServer();
    provider = new ReplicateProvider(settings(fake.baseUrl(), ReplicateFakeServer.TOKEN));
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  @Test
  void textToVideoCreatesOnTheProModelWithExactlyTheMappedInput() {
    String id = provider.submit(textToVideo("pro"));

    assertThat(fake.prediction(id).model()).isEqualTo("bytedance/seedance-2.0");
    assertThat(fake.createBodies())
        .containsExactly(
            JSON.readTree(
                """
                {"input":{"prompt":"a red fox runs through snow","aspect_ratio":"16:9","duration":5,
                 "resolution":"720p","generate_audio":true,"seed":42}}
                """));
  }

  @Test
  void theRoutesModelWinsOverTheTiersDefault() {
    // An operator who sells the standard tier on the full model says so in the routing table.
    String id = provider.submit(textToVideo("standard").onModel("bytedance/seedance-2.0"));

    assertThat(fake.prediction(id).model()).isEqualTo("bytedance/seedance-2.0");
  }

  @Test
  void withAPublicUrlTheCreateAsksForTheCompletedWebhookOnOurSignedCallbackUrl()
      throws IOException {
    var server =
        new seedance.config.ServerSettings(
            java.nio.file.Files.createTempDirectory("callbacks"),
            "https://api.example.com/",
            null,
            "test-secret");
    var callbacks =
        new seedance.provider.Callbacks(server, new seedance.config.ServerSecret(server));
    var hooked =
        new ReplicateProvider(settings(fake.baseUrl(), ReplicateFakeServer.TOKEN), callbacks);
    var request = textToVideo("pro");

    hooked.submit(request);

    JsonNode body = fake.createBodies().getLast();
    String url = body.path("webhook").asString();
    assertThat(url)
        .startsWith("https://api.example.com/v1/callbacks/replicate/" + request.taskId());
    assertThat(body.path("webhook_events_filter").toString()).isEqualTo("[\"completed\"]");
    String token = url.substring(url.indexOf("token=") + "token=".length());
    assertThat(callbacks.verify("replicate", request.taskId(), token)).isTrue();
    assertThat(callbacks.verify("ark", request.taskId(), token)).isFalse();
    assertThat(callbacks.verify("replicate", "sd2_other", token)).isFalse();
  }

  @Test
  void fixedLensAppendsTheLockedOffCameraSentenceToThePrompt() {
    provider.submit(request("text-to-video", "pro", "1080p", true, null, null, List.of()));

    assertThat(fake.createBodies().getFirst().path("input").path("prompt").asString())
        .isEqualTo(
            "a red fox runs through snow "
                + seedance.provider.GenerationRequest.FIXED_LENS_SENTENCE);
  }

  @Test
  void imageToVideoSendsTheUsersOriginalFrameUrlsToTheFastModelForStandardTier() {
    String id =
        provider.submit(
            request("image-to-video", "standard", "720p", false, START, END, List.of()));

    assertThat(fake.prediction(id).model()).isEqualTo("bytedance/seedance-2.0-fast");
    assertThat(fake.createBodies())
        .containsExactly(
            JSON.readTree(
                """
                {"input":{"prompt":"a red fox runs through snow",
                 "image":"https://cdn.example.com/start.png",
                 "last_frame_image":"https://cdn.example.com/end.jpg",
                 "aspect_ratio":"16:9","duration":5,"resolution":"720p","generate_audio":true,"seed":42}}
                """));
  }

  @Test
  void mediaToVideoSplitsReferencesByTheirDetectedType() {
    var media =
        List.of(
            new InputMedia("https://cdn.example.com/a.webp", Path.of("a"), "image/webp"),
            new InputMedia("https://cdn.example.com/clip", Path.of("b"), "video/mp4"),
            new InputMedia("https://cdn.example.com/c.png", Path.of("c"), "image/png"));

    provider.submit(request("media-to-video", "pro", "720p", false, null, null, media));

    assertThat(fake.createBodies())
        .containsExactly(
            JSON.readTree(
                """
                {"input":{"prompt":"a red fox runs through snow",
                 "reference_images":["https://cdn.example.com/a.webp","https://cdn.example.com/c.png"],
                 "reference_videos":["https://cdn.example.com/clip"],
                 "aspect_ratio":"16:9","duration":5,"resolution":"720p","generate_audio":true,"seed":42}}
                """));
  }

  @Test
  void pollRunsUntilSucceededWithTheOutputUrlEchoedSeedAndMetrics() throws Exception {
    var request = textToVideo("pro");
    String id = provider.submit(request);

    assertThat(provider.poll(id, request).state()).isEqualTo(State.RUNNING);
    GenerationStatus done = provider.poll(id, request);

    assertThat(done.state()).isEqualTo(State.SUCCEEDED);
    assertThat(done.videoUrl()).startsWith(fake.baseUrl().resolve("/files/").toString());
    assertThat(done.lastFrameUrl()).isNull();
    assertThat(done.seed()).isEqualTo(42L);
    assertThat(JSON.readTree(done.usageJson())).isEqualTo(JSON.readTree("{\"predict_time\":95.2}"));
    assertThat(download(done.videoUrl()).body()).isEqualTo(ReplicateFakeServer.VIDEO);
  }

  @Test
  void aListOutputGivesItsFirstUrl() {
    fake.outputAsList();
    var request = textToVideo("pro");
    String id = provider.submit(request);

    provider.poll(id, request);

    assertThat(provider.poll(id, request).videoUrl()).endsWith("/files/" + id + "/output.mp4");
  }

  @Test
  void theOutputFileExpiresLikeReplicatesApiOutputs() throws Exception {
    fake.outputTtl(Duration.ZERO);
    var request = textToVideo("pro");
    String id = provider.submit(request);
    provider.poll(id, request);

    assertThat(download(provider.poll(id, request).videoUrl()).statusCode()).isEqualTo(404);
  }

  @Test
  void aFailedPredictionFailsTheTaskWithGenerationFailedAndReplicatesMessage() {
    fake.finishWith("failed", "CUDA out of memory");

    assertThat(runToEnd())
        .isEqualTo(GenerationStatus.failed("generation_failed", "CUDA out of memory"));
  }

  @Test
  void aFlaggedPredictionFailsTheTaskWithContentRejected() {
    fake.finishWith(
        "failed",
        "The input or output was flagged as sensitive. Please try again with different inputs. (E005)");

    GenerationStatus status = runToEnd();

    assertThat(status.state()).isEqualTo(State.FAILED);
    assertThat(status.errorCode()).isEqualTo("content_rejected");
  }

  @Test
  void abortedAndCanceledPredictionsFailTheTask() {
    fake.finishWith("aborted", null);
    assertThat(runToEnd().errorCode()).isEqualTo("generation_failed");

    fake.finishWith("canceled", null);
    GenerationStatus canceled = runToEnd();
    assertThat(canceled.errorCode()).isEqualTo("generation_failed");
    assertThat(canceled.errorMessage()).contains("canceled");
  }

  @Test
  void anUnknownStatusKeepsTheTaskRunning() {
    fake.finishWith("queued_for_review", null);
    var request = textToVideo("pro");
    String id = provider.submit(request);
    provider.poll(id, request);

    assertThat(provider.poll(id, request)).isEqualTo(GenerationStatus.running());
    assertThat(fake.prediction(id).status()).isEqualTo("queued_for_review");
  }

  @Test
  void cancelStopsARunningPrediction() {
    var request = textToVideo("pro");
    String id = provider.submit(request);

    provider.cancel(id);

    assertThat(fake.cancels()).containsExactly(id);
    assertThat(provider.poll(id, request).state()).isEqualTo(State.FAILED);
  }

  @Test
  void cancelOfAnUnknownPredictionIsIgnored() {
    provider.cancel("doesnotexist");

    assertThat(fake.cancels()).isEmpty();
  }

  private GenerationStatus runToEnd() {
    var request = textToVideo("pro");
    String id = provider.submit(request);
    GenerationStatus status = provider.poll(id, request);
    for (int i = 0; i < 5 && status.state() == State.RUNNING; i++) {
      status = provider.poll(id, request);
    }
    return status;
  }

  private static HttpResponse<byte[]> download(String url) throws Exception {
    try (var client = HttpClient.newHttpClient()) {
      return client.send(
          HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
  }
}
