package seedance.provider.internal.fal;

import static org.assertj.core.api.Assertions.assertThat;
import static seedance.provider.internal.fal.FalRequests.media;
import static seedance.provider.internal.fal.FalRequests.request;
import static seedance.provider.internal.fal.FalRequests.settings;
import static seedance.provider.internal.fal.FalRequests.withImages;
import static seedance.provider.internal.fal.FalRequests.withMedia;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import seedance.provider.GenerationRequest;
import seedance.provider.GenerationStatus;
import seedance.provider.GenerationStatus.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Submit bodies, polling and cancel against a fake fal queue. */
class FalProviderTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FalFakeServer fal;
  private FalProvider provider;

  @BeforeEach
  void start() throws Exception {
    fal = new FalFakeServer();
    provider = new FalProvider(settings(FalFakeServer.KEY, fal.url()));
  }

  @AfterEach
  void stop() {
    fal.close();
  }

  @Test
  void textToVideoPostsFalsInputWithAutoRatioAndTheFixedLensSentence() {
    var request = request("text-to-video", "pro", "a red fox in snow", "adaptive", "1080p", true);

    String id = provider.submit(request);

    var filed = fal.filed(FalRequestId.parse(id).requestId());
    assertThat(filed.endpoint).isEqualTo("bytedance/seedance-2.0/text-to-video");
    assertThat(filed.input)
        .isEqualTo(
            json(
                """
                {"prompt":"a red fox in snow %s","aspect_ratio":"auto","duration":"5",
                 "resolution":"1080p","generate_audio":true,"seed":1234}"""
                    .formatted(seedance.provider.GenerationRequest.FIXED_LENS_SENTENCE)));
  }

  @Test
  void theRoutesEndpointPrefixWinsOverTheTiersDefault() {
    var request = request("text-to-video", "mini", "a red fox in snow", "16:9", "720p", false);

    String id = provider.submit(request.onModel("bytedance/seedance-2.0/fast"));

    var filed = fal.filed(FalRequestId.parse(id).requestId());
    assertThat(filed.endpoint).isEqualTo("bytedance/seedance-2.0/fast/text-to-video");
  }

  @Test
  void withAPublicUrlTheSubmitNamesOurSignedCallbackUrlAsFalWebhook() throws Exception {
    var server =
        new seedance.config.ServerSettings(
            java.nio.file.Files.createTempDirectory("callbacks"),
            "https://api.example.com",
            null,
            "test-secret");
    var callbacks =
        new seedance.provider.Callbacks(server, new seedance.config.ServerSecret(server));
    var hooked = new FalProvider(settings(FalFakeServer.KEY, fal.url()), callbacks);

    hooked.submit(request("text-to-video", "pro", "a red fox in snow", "16:9", "720p", false));

    String query = fal.lastSubmitQuery;
    assertThat(query).startsWith("fal_webhook=");
    String url =
        java.net.URLDecoder.decode(
            query.substring("fal_webhook=".length()), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(url).isEqualTo(callbacks.url("fal", "task-1").orElseThrow());
    assertThat(url).startsWith("https://api.example.com/v1/callbacks/fal/task-1?token=");
  }

  @Test
  void imageToVideoSendsTheUsersOriginalUrlsToTheFastModel() {
    var request =
        withImages(
            request("image-to-video", "standard", "she turns around", "16:9", "720p", false),
            media("https://example.com/start.png", "image/png"),
            media("https://example.com/end.jpg", "image/jpeg"));

    String id = provider.submit(request);

    var filed = fal.filed(FalRequestId.parse(id).requestId());
    assertThat(filed.endpoint).isEqualTo("bytedance/seedance-2.0/fast/image-to-video");
    assertThat(filed.input)
        .isEqualTo(
            json(
                """
                {"prompt":"she turns around","image_url":"https://example.com/start.png",
                 "end_image_url":"https://example.com/end.jpg","aspect_ratio":"16:9",
                 "duration":"5","resolution":"720p","generate_audio":true,"seed":1234}"""));
  }

  @Test
  void mediaToVideoSortsReferencesByTheirProbedTypeNotTheirNames() {
    var base = request("media-to-video", "mini", "@Image1 dances", "9:16", "720p", false);
    var request =
        withMedia(
            base,
            List.of(
                media("https://example.com/a.mp4", "image/webp"),
                media("https://example.com/b.png", "video/mp4"),
                media("https://example.com/c", "image/png")));

    String id = provider.submit(request);

    var filed = fal.filed(FalRequestId.parse(id).requestId());
    assertThat(filed.endpoint).isEqualTo("bytedance/seedance-2.0/mini/reference-to-video");
    assertThat(filed.input)
        .isEqualTo(
            json(
                """
                {"prompt":"@Image1 dances",
                 "image_urls":["https://example.com/a.mp4","https://example.com/c"],
                 "video_urls":["https://example.com/b.png"],"aspect_ratio":"9:16",
                 "duration":"5","resolution":"720p","generate_audio":true,"seed":1234}"""));
  }

  @Test
  void theUpstreamIdNamesTheAppSoPollFindsRequestsOfSubPathModels() {
    String id = provider.submit(request("text-to-video", "standard", "rain", "1:1", "720p", false));

    assertThat(id).startsWith("bytedance/seedance-2.0|");
    assertThat(FalRequestId.parse(id).requestId()).hasSize(36);
  }

  @Test
  void pollRunsThroughTheQueueToASucceededRemoteVideo() {
    var request = request("text-to-video", "pro", "a lighthouse at dusk", "16:9", "720p", false);
    String id = provider.submit(request);

    List<State> states =
        List.of(
            provider.poll(id, request).state(),
            provider.poll(id, request).state(),
            provider.poll(id, request).state());
    GenerationStatus done = provider.poll(id, request);

    assertThat(states).containsOnly(State.RUNNING);
    assertThat(done.state()).isEqualTo(State.SUCCEEDED);
    assertThat(done.videoUrl()).startsWith("https://v3b.fal.media/files/fake/").endsWith(".mp4");
    assertThat(done.lastFrameUrl()).isNull();
    assertThat(done.video()).isNull();
    assertThat(done.seed()).isEqualTo(1234L);
    JsonNode usage = json(done.usageJson());
    assertThat(usage.path("provider").asString()).isEqualTo("fal");
    assertThat(usage.path("video").path("file_size").asLong()).isEqualTo(1234567L);
    assertThat(usage.path("video").has("url")).isFalse();
    assertThat(usage.path("seed").asLong()).isEqualTo(1234L);
  }

  @Test
  void aContentPolicyResultFailsTheTaskAsContentRejected() {
    fal.contentPolicyOnResult = true;
    var request = request("text-to-video", "pro", "something", "16:9", "720p", false);

    GenerationStatus status = pollToEnd(provider.submit(request), request);

    assertThat(status.state()).isEqualTo(State.FAILED);
    assertThat(status.errorCode()).isEqualTo("content_rejected");
    assertThat(status.errorMessage()).contains("content moderation");
  }

  @Test
  void aRunnerErrorInTheStatusFailsTheTaskAsGenerationFailed() {
    fal.statusError = "Runner disconnected";
    var request = request("text-to-video", "pro", "something", "16:9", "720p", false);

    GenerationStatus status = pollToEnd(provider.submit(request), request);

    assertThat(status.errorCode()).isEqualTo("generation_failed");
    assertThat(status.errorMessage()).contains("Runner disconnected");
  }

  @Test
  void anUnknownStatusStaysRunning() {
    var request = request("text-to-video", "pro", "something", "16:9", "720p", false);
    String id = provider.submit(request);
    fal.statusOverride = "SOMETHING_NEW";

    for (int i = 0; i < 6; i++) {
      assertThat(provider.poll(id, request).state()).isEqualTo(State.RUNNING);
    }
  }

  @Test
  void cancelStopsAQueuedRequestAndPollThenReportsItFailed() {
    var request = request("text-to-video", "pro", "something", "16:9", "720p", false);
    String id = provider.submit(request);

    provider.cancel(id);
    provider.cancel("bytedance/seedance-2.0|no-such-request");

    assertThat(fal.filed(FalRequestId.parse(id).requestId()).cancelled).isTrue();
    GenerationStatus status = provider.poll(id, request);
    assertThat(status.state()).isEqualTo(State.FAILED);
    assertThat(status.errorCode()).isEqualTo("generation_failed");
  }

  private GenerationStatus pollToEnd(String id, GenerationRequest request) {
    for (int i = 0; i < 10; i++) {
      GenerationStatus status = provider.poll(id, request);
      if (status.state() != State.RUNNING) {
        return status;
      }
    }
    throw new AssertionError("still running after 10 polls");
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }
}
