package seedance.provider.internal.ark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static seedance.provider.internal.ark.ArkFixtures.MODELS;
import static seedance.provider.internal.ark.ArkFixtures.media;
import static seedance.provider.internal.ark.ArkFixtures.provider;
import static seedance.provider.internal.ark.ArkFixtures.request;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import seedance.provider.GenerationRequest;
import seedance.provider.ProviderException;
import seedance.provider.ProviderException.Kind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What ArkProvider sends to create a task, checked by a fake that validates like Ark. */
class ArkCreateBodyTest {

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
        .isEqualTo(
            "a red fox runs through snow "
                + seedance.provider.GenerationRequest.FIXED_LENS_SENTENCE);
    assertThat(body.has("camera_fixed")).isFalse();
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
}
