package seedance.provider.internal.ark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import seedance.provider.GenerationRequest;
import seedance.provider.GenerationRequest.InputMedia;
import seedance.provider.GenerationStatus;
import seedance.provider.GenerationStatus.State;
import seedance.provider.ProviderException;
import seedance.provider.ProviderException.Kind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ArkProviderTest {

  private static final Map<String, String> MODELS =
      Map.of(
          "pro", "dreamina-seedance-2-0-260128",
          "standard", "dreamina-seedance-2-0-fast-260128",
          "mini", "dreamina-seedance-2-0-mini-260615");

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
  void textToVideoSendsTheDocumentedCreateBody() {
    String id = provider.submit(request("text-to-video", null, null, List.of(), false, "720p"));

    assertThat(id).startsWith("cgt-");
    assertThat(ark.lastCreateBody())
        .isEqualTo(
            json.readTree(
                """
                {"model":"dreamina-seedance-2-0-260128",
                 "content":[{"type":"text","text":"a red fox runs through snow"}],
                 "ratio":"adaptive","duration":5,"resolution":"720p","generate_audio":true,
                 "seed":4242,"return_last_frame":true,"watermark":false,
                 "safety_identifier":"task_0001"}
                """));
  }

  @Test
  void imageToVideoSendsTheOriginalUrlsAsFirstAndLastFrames() {
    provider.submit(
        request(
            "image-to-video",
            media("https://img.example/start.png", "image/png"),
            media("https://img.example/end.jpg", "image/jpeg"),
            List.of(),
            false,
            "1080p"));

    JsonNode body = ark.lastCreateBody();
    assertThat(body.path("content"))
        .isEqualTo(
            json.readTree(
                """
                [{"type":"text","text":"a red fox runs through snow"},
                 {"type":"image_url","image_url":{"url":"https://img.example/start.png"},
                  "role":"first_frame"},
                 {"type":"image_url","image_url":{"url":"https://img.example/end.jpg"},
                  "role":"last_frame"}]
                """));
    assertThat(body.path("resolution").asString()).isEqualTo("1080p");
  }

  @Test
  void mediaToVideoSendsReferencesByTheProbedType() {
    provider.submit(
        request(
            "media-to-video",
            null,
            null,
            List.of(
                media("https://cdn.example/clip", "video/mp4"),
                media("https://cdn.example/look.webp", "image/webp")),
            false,
            "720p"));

    assertThat(ark.lastCreateBody().path("content"))
        .isEqualTo(
            json.readTree(
                """
                [{"type":"text","text":"a red fox runs through snow"},
                 {"type":"video_url","video_url":{"url":"https://cdn.example/clip"},
                  "role":"reference_video"},
                 {"type":"image_url","image_url":{"url":"https://cdn.example/look.webp"},
                  "role":"reference_image"}]
                """));
  }

  @Test
  void fixedLensAsksForAStaticCameraInThePromptInsteadOfCameraFixed() {
    provider.submit(request("text-to-video", null, null, List.of(), true, "720p"));

    JsonNode body = ark.lastCreateBody();
    assertThat(body.path("content").get(0).path("text").asString())
        .isEqualTo("a red fox runs through snow " + ArkCreateBody.FIXED_LENS_SENTENCE);
    assertThat(body.has("camera_fixed")).isFalse();
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
    GenerationRequest request = request("text-to-video", null, null, List.of(), false, "720p");
    // The fake adds content only on success; a cancelled-then-"succeeded" view has none.
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
  void moderatedPromptIsRejectedAsContentRejected() {
    ark.answerNextCreate(400, "InputTextSensitiveContentDetected.PolicyViolation");

    ProviderException e = submitFails(provider);

    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
    assertThat(e.code()).isEqualTo("content_rejected");
  }

  @Test
  void invalidParameterIsRejectedAsInvalidRequest() {
    GenerationRequest tooLong =
        new GenerationRequest(
            "task_0001",
            "text-to-video",
            "pro",
            "standard",
            "a fox",
            "16:9",
            20,
            "720p",
            true,
            false,
            1,
            null,
            null,
            List.of(),
            Path.of("/tmp"));

    ProviderException e =
        catchThrowableOfType(ProviderException.class, () -> provider.submit(tooLong));

    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
    assertThat(e.code()).isEqualTo("invalid_request");
    assertThat(e.getMessage()).contains("InvalidParameter.Duration");
    assertThat(ark.taskCount()).isZero();
  }

  @Test
  void wrongKeyIsAnAccountProblemAndTheKeyStaysOutOfTheMessage() {
    ArkProvider wrongKey =
        provider(ark.baseUrl(), "sk-wrong-secret", MODELS, false, Duration.ofSeconds(5));

    ProviderException e = submitFails(wrongKey);

    assertThat(e.kind()).isEqualTo(Kind.ACCOUNT);
    assertThat(e.getMessage())
        .contains("401", "AuthenticationError")
        .doesNotContain("sk-wrong-secret");
  }

  @Test
  void modelNotEnabledIsAnAccountProblem() {
    ArkProvider unknownModel =
        provider(
            ark.baseUrl(),
            ArkFakeServer.KEY,
            Map.of("pro", "ep-not-mine"),
            false,
            Duration.ofSeconds(5));

    assertThat(submitFails(unknownModel).kind()).isEqualTo(Kind.ACCOUNT);
  }

  @Test
  void rateLimitIsThrottled() {
    ark.answerNextCreate(429, "ModelAccountRpmRateLimitExceeded");

    assertThat(submitFails(provider).kind()).isEqualTo(Kind.THROTTLED);
  }

  @Test
  void serverErrorIsAnUpstreamError() {
    ark.answerNextCreate(500, "InternalServiceError");

    assertThat(submitFails(provider).kind()).isEqualTo(Kind.UPSTREAM_ERROR);
  }

  @Test
  void fourKIsRefusedBeforeSendingUnlessTheAccountAllowsIt() {
    GenerationRequest fourK = request("text-to-video", null, null, List.of(), false, "4k");

    ProviderException e =
        catchThrowableOfType(ProviderException.class, () -> provider.submit(fourK));
    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
    assertThat(e.code()).isEqualTo("unsupported_request");
    assertThat(ark.creates()).isZero();

    provider(ark.baseUrl(), ArkFakeServer.KEY, MODELS, true, Duration.ofSeconds(5)).submit(fourK);
    assertThat(ark.lastCreateBody().path("resolution").asString()).isEqualTo("4k");
  }

  @Test
  void closedPortIsNotSent() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ArkProvider nowhere =
        provider(
            "http://127.0.0.1:" + port + "/api/v3",
            ArkFakeServer.KEY,
            MODELS,
            false,
            Duration.ofSeconds(5));

    assertThat(submitFails(nowhere).kind()).isEqualTo(Kind.NOT_SENT);
  }

  @Test
  void hangingCreateIsAmbiguousAndItsTaskIsFoundWithoutASecondCreate() {
    provider.submit(request("other-task", "text-to-video"));
    ark.hangCreates(Duration.ofSeconds(10));
    ArkProvider impatient =
        provider(ark.baseUrl(), ArkFakeServer.KEY, MODELS, false, Duration.ofMillis(500));
    GenerationRequest request = request("task_0001", "text-to-video");

    ProviderException e =
        catchThrowableOfType(ProviderException.class, () -> impatient.submit(request));
    ark.hangCreates(Duration.ZERO);

    assertThat(e.kind()).isEqualTo(Kind.AMBIGUOUS);
    assertThat(impatient.findSubmitted(request))
        .hasValueSatisfying(id -> assertThat(id).startsWith("cgt-"));
    assertThat(impatient.findSubmitted(request).orElseThrow())
        .isNotEqualTo(provider.findSubmitted(request("other-task", "text-to-video")).orElseThrow());
    assertThat(ark.creates()).isEqualTo(2);
    assertThat(ark.taskCount()).isEqualTo(2);
  }

  @Test
  void findSubmittedFindsNothingWhenArkNeverGotTheCreate() {
    provider.submit(request("other-task", "text-to-video"));

    assertThat(provider.findSubmitted(request("task_0001", "text-to-video"))).isEmpty();
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

  private ProviderException submitFails(ArkProvider target) {
    return catchThrowableOfType(
        ProviderException.class,
        () -> target.submit(request("text-to-video", null, null, List.of(), false, "720p")));
  }

  private static ArkProvider provider(
      String baseUrl, String key, Map<String, String> models, boolean allow4k, Duration read) {
    return new ArkProvider(
        new ArkSettings(baseUrl, key, models, allow4k, Duration.ofSeconds(2), read));
  }

  private static InputMedia media(String url, String type) {
    return new InputMedia(url, Path.of("/tmp/unused"), type);
  }

  private static GenerationRequest request(String taskId, String mode) {
    return new GenerationRequest(
        taskId,
        mode,
        "pro",
        "standard",
        "a fox",
        "16:9",
        5,
        "720p",
        false,
        false,
        7,
        null,
        null,
        List.of(),
        Path.of("/tmp"));
  }

  private static GenerationRequest request(
      String mode,
      InputMedia start,
      InputMedia end,
      List<InputMedia> media,
      boolean fixedLens,
      String resolution) {
    return new GenerationRequest(
        "task_0001",
        mode,
        "pro",
        "standard",
        "a red fox runs through snow",
        "adaptive",
        5,
        resolution,
        true,
        fixedLens,
        4242,
        start,
        end,
        media,
        Path.of("/tmp"));
  }
}
