package seedance.provider.internal.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
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
import seedance.provider.GenerationRequest;
import seedance.provider.GenerationRequest.InputMedia;
import seedance.provider.GenerationStatus;
import seedance.provider.GenerationStatus.State;
import seedance.provider.ProviderException;
import seedance.provider.ProviderException.Kind;
import tools.jackson.databind.json.JsonMapper;

class ReplicateProviderTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final InputMedia START =
      new InputMedia("https://cdn.example.com/start.png", Path.of("start"), "image/png");
  private static final InputMedia END =
      new InputMedia("https://cdn.example.com/end.jpg", Path.of("end"), "image/jpeg");

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
    String id =
        provider.submit(request("text-to-video", "pro", "720p", false, null, null, List.of()));

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
  void fixedLensAppendsTheLockedOffCameraSentenceToThePrompt() {
    provider.submit(request("text-to-video", "pro", "1080p", true, null, null, List.of()));

    assertThat(fake.createBodies().getFirst().path("input").path("prompt").asString())
        .isEqualTo("a red fox runs through snow " + ReplicateInput.FIXED_LENS_SENTENCE);
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
    var request = request("text-to-video", "pro", "720p", false, null, null, List.of());
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
    var request = request("text-to-video", "pro", "720p", false, null, null, List.of());
    String id = provider.submit(request);

    provider.poll(id, request);

    assertThat(provider.poll(id, request).videoUrl()).endsWith("/files/" + id + "/output.mp4");
  }

  @Test
  void theOutputFileExpiresLikeReplicatesApiOutputs() throws Exception {
    fake.outputTtl(Duration.ZERO);
    var request = request("text-to-video", "pro", "720p", false, null, null, List.of());
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
    var request = request("text-to-video", "pro", "720p", false, null, null, List.of());
    String id = provider.submit(request);
    provider.poll(id, request);

    assertThat(provider.poll(id, request)).isEqualTo(GenerationStatus.running());
    assertThat(fake.prediction(id).status()).isEqualTo("queued_for_review");
  }

  @Test
  void cancelStopsARunningPrediction() {
    var request = request("text-to-video", "pro", "720p", false, null, null, List.of());
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

  @Test
  void aWrongTokenIsOurAccountsProblemAndTheMessageNeverShowsAToken() {
    var wrong = new ReplicateProvider(settings(fake.baseUrl(), "r8_wrong_secret_token"));

    ProviderException e = submitFailure(wrong, "pro");

    assertThat(e.kind()).isEqualTo(Kind.ACCOUNT);
    assertThat(e.getMessage()).contains("401").doesNotContain("r8_wrong_secret_token");
  }

  @Test
  void paymentAndPermissionRefusalsAreAccountProblems() {
    for (int status : new int[] {402, 403}) {
      fake.failCreatesWith(status);
      ProviderException e = submitFailure(provider, "pro");
      assertThat(e.kind()).as("status %d", status).isEqualTo(Kind.ACCOUNT);
      assertThat(e.getMessage()).doesNotContain(ReplicateFakeServer.TOKEN);
    }
  }

  @Test
  void throttlingIsThrottled() {
    fake.failCreatesWith(429);

    ProviderException e = submitFailure(provider, "pro");

    assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
    assertThat(e.getMessage()).contains("throttled");
  }

  @Test
  void aServerErrorIsAnUpstreamError() {
    fake.failCreatesWith(500);

    assertThat(submitFailure(provider, "pro").kind()).isEqualTo(Kind.UPSTREAM_ERROR);
  }

  @Test
  void inputReplicateRefusesIsRejectedAsInvalidRequestNamingTheField() {
    var tooLong =
        new GenerationRequest(
            "task-1",
            "text-to-video",
            "pro",
            "standard",
            "a fox",
            "16:9",
            20,
            "720p",
            true,
            false,
            42,
            null,
            null,
            List.of(),
            Path.of("work"));

    ProviderException e =
        catchThrowableOfType(ProviderException.class, () -> provider.submit(tooLong));

    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
    assertThat(e.code()).isEqualTo("invalid_request");
    assertThat(e.getMessage()).contains("422").contains("input.duration");
  }

  @Test
  void aClosedPortIsNotSentAndSafeToRetry() throws IOException {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var unreachable =
        new ReplicateProvider(
            settings(
                URI.create("http://127.0.0.1:" + closedPort + "/v1"), ReplicateFakeServer.TOKEN));

    assertThat(submitFailure(unreachable, "pro").kind()).isEqualTo(Kind.NOT_SENT);
  }

  @Test
  void aCreateThatHangsPastTheTimeoutIsAmbiguousBecauseReplicateGotIt() {
    fake.hangCreates();
    var impatient =
        new ReplicateProvider(
            new ReplicateSettings(
                fake.baseUrl(),
                ReplicateFakeServer.TOKEN,
                ReplicateSettings.DEFAULT_MODELS,
                Duration.ofSeconds(2),
                Duration.ofMillis(300)));

    ProviderException e = submitFailure(impatient, "pro");

    assertThat(e.kind()).isEqualTo(Kind.AMBIGUOUS);
    assertThat(fake.createCalls()).isEqualTo(1);
  }

  @Test
  void theMiniTierIsRejectedBeforeAnyCall() {
    ProviderException e = submitFailure(provider, "mini");

    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
    assertThat(e.code()).isEqualTo("unsupported_request");
    assertThat(fake.createCalls()).isZero();
  }

  @Test
  void resolutionsReplicateLacksAreRejectedBeforeAnyCall() {
    for (String resolution : List.of("4k", "1080p-plus")) {
      ProviderException e =
          catchThrowableOfType(
              ProviderException.class,
              () ->
                  provider.submit(
                      request("text-to-video", "pro", resolution, false, null, null, List.of())));
      assertThat(e.kind()).isEqualTo(Kind.REJECTED);
      assertThat(e.code()).isEqualTo("unsupported_request");
    }
    assertThat(fake.createCalls()).isZero();
  }

  @Test
  void framesTogetherWithReferencesAreRejectedBeforeAnyCall() {
    var media = List.of(new InputMedia("https://cdn.example.com/a.png", Path.of("a"), "image/png"));

    ProviderException e =
        catchThrowableOfType(
            ProviderException.class,
            () ->
                provider.submit(
                    request("media-to-video", "pro", "720p", false, START, null, media)));

    assertThat(e.code()).isEqualTo("unsupported_request");
    assertThat(fake.createCalls()).isZero();
  }

  private GenerationStatus runToEnd() {
    var request = request("text-to-video", "pro", "720p", false, null, null, List.of());
    String id = provider.submit(request);
    GenerationStatus status = provider.poll(id, request);
    for (int i = 0; i < 5 && status.state() == State.RUNNING; i++) {
      status = provider.poll(id, request);
    }
    return status;
  }

  private static ProviderException submitFailure(ReplicateProvider provider, String tier) {
    return catchThrowableOfType(
        ProviderException.class,
        () ->
            provider.submit(request("text-to-video", tier, "720p", false, null, null, List.of())));
  }

  private static GenerationRequest request(
      String mode,
      String tier,
      String resolution,
      boolean fixedLens,
      InputMedia start,
      InputMedia end,
      List<InputMedia> media) {
    return new GenerationRequest(
        "task-1",
        mode,
        tier,
        "standard",
        "a red fox runs through snow",
        "16:9",
        5,
        resolution,
        true,
        fixedLens,
        42,
        start,
        end,
        media,
        Path.of("work"));
  }

  private static ReplicateSettings settings(URI baseUrl, String token) {
    return new ReplicateSettings(
        baseUrl,
        token,
        ReplicateSettings.DEFAULT_MODELS,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5));
  }

  private static HttpResponse<byte[]> download(String url) throws Exception {
    try (var client = HttpClient.newHttpClient()) {
      return client.send(
          HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
  }
}
