package seedance.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import seedance.credit.Reconciliation;
import seedance.testing.ApiTest;
import seedance.testing.Ffprobe;
import seedance.testing.Tasks;
import tools.jackson.databind.JsonNode;

/** A newcomer with no upstream account submits a job and downloads a real, playable video. */
@TestPropertySource(properties = "seedance.worker.enabled=true")
class LocalRenderingTest extends ApiTest {

  private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(90);

  @Autowired Reconciliation reconciliation;

  @Test
  void aSubmittedTaskCompletesWithARealVideoAndLastFrame() throws Exception {
    var customer = api().newCustomer(100);
    var accepted =
        api()
            .submit(
                customer.key(),
                "render-1",
                "{\"prompt\":\"a red fox running through snow\",\"duration\":\"4\",\"aspect_ratio\":\"9:16\",\"seed\":42}");
    String id = accepted.json().path("id").asString();

    JsonNode task = Tasks.awaitEnd(api(), customer.key(), id, RENDER_TIMEOUT);

    assertThat(task.path("status").asString()).isEqualTo("completed");
    assertThat(task.path("error").isNull()).isTrue();
    assertThat(task.path("credits_refunded").asLong()).isZero();
    var output = task.path("output");
    assertThat(output.path("seed").asLong()).isEqualTo(42);
    assertThat(output.path("video_url").asString())
        .startsWith(api().base() + "/v1/files/" + id + "/");

    var video = download(output.path("video_url").asString(), Map.of());
    assertThat(video.status()).isEqualTo(200);
    assertThat(video.header("Content-Type")).isEqualTo("video/mp4");
    Path file = Files.createTempFile("video", ".mp4");
    Files.write(file, video.body());
    var probe = Ffprobe.probe(file);
    var picture = stream(probe, "video");
    assertThat(picture.path("codec_name").asString()).isEqualTo("h264");
    assertThat(picture.path("width").asInt()).isEqualTo(720);
    assertThat(picture.path("height").asInt()).isEqualTo(1280);
    assertThat(picture.path("r_frame_rate").asString()).isEqualTo("24/1");
    assertThat(probe.path("format").path("duration").asDouble())
        .isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(stream(probe, "audio")).isNotNull();

    var frame = download(output.path("last_frame_url").asString(), Map.of());
    assertThat(frame.status()).isEqualTo(200);
    assertThat(frame.header("Content-Type")).isEqualTo("image/png");
    assertThat(reconciliation.check()).isEmpty();
  }

  @Test
  void theVideoServesRangeRequestsSoABrowserCanSeek() throws Exception {
    var customer = api().newCustomer(100);
    String id =
        api()
            .submit(
                customer.key(),
                "range-1",
                "{\"prompt\":\"waves on a pebble beach\",\"duration\":\"4\",\"generate_audio\":false}")
            .json()
            .path("id")
            .asString();
    var task = Tasks.awaitEnd(api(), customer.key(), id, RENDER_TIMEOUT);
    String url = task.path("output").path("video_url").asString();

    var whole = download(url, Map.of());
    var part = download(url, Map.of("Range", "bytes=0-99"));

    assertThat(part.status()).isEqualTo(206);
    assertThat(part.body()).hasSize(100);
    assertThat(part.header("Content-Range")).isEqualTo("bytes 0-99/" + whole.body().length);
    Path file = Files.createTempFile("video", ".mp4");
    Files.write(file, whole.body());
    assertThat(stream(Ffprobe.probe(file), "audio")).isNull();
  }

  @Test
  void downloadLinksAreSignedAndExpire() {
    var customer = api().newCustomer(100);
    String id =
        api()
            .submit(
                customer.key(),
                "links-1",
                "{\"prompt\":\"a lantern in the rain\",\"duration\":\"4\"}")
            .json()
            .path("id")
            .asString();
    String url =
        Tasks.awaitEnd(api(), customer.key(), id, RENDER_TIMEOUT)
            .path("output")
            .path("video_url")
            .asString();

    var tampered = download(url.replace("video.mp4", "last_frame.png"), Map.of());
    clock.advance(Duration.ofHours(2));
    var expired = download(url, Map.of());
    var fresh =
        download(
            api()
                .get(customer.key(), "/api/v1/tasks/" + id)
                .json()
                .path("output")
                .path("video_url")
                .asString(),
            Map.of());

    assertThat(tampered.status()).isEqualTo(404);
    assertThat(expired.status()).isEqualTo(404);
    assertThat(fresh.status()).isEqualTo(200);
  }

  @Test
  void theSameSeedGivesByteIdenticalVideos() {
    var customer = api().newCustomer(100);
    String body = "{\"prompt\":\"a spinning top on a table\",\"duration\":\"4\",\"seed\":7}";
    String first = api().submit(customer.key(), "seed-a", body).json().path("id").asString();
    String second = api().submit(customer.key(), "seed-b", body).json().path("id").asString();

    var a = Tasks.awaitEnd(api(), customer.key(), first, RENDER_TIMEOUT).path("output");
    var b = Tasks.awaitEnd(api(), customer.key(), second, RENDER_TIMEOUT).path("output");

    assertThat(download(a.path("video_url").asString(), Map.of()).body())
        .isEqualTo(download(b.path("video_url").asString(), Map.of()).body());
    assertThat(download(a.path("last_frame_url").asString(), Map.of()).body())
        .isEqualTo(download(b.path("last_frame_url").asString(), Map.of()).body());
  }

  @Test
  void aTaskAskedToFailIsFailedAndRefundedInFull() {
    var customer = api().newCustomer(100);
    var accepted =
        api()
            .send(
                "POST",
                "/api/v1/video/seedance2",
                Map.of(
                    "Authorization", "Bearer " + customer.key(),
                    "Content-Type", "application/json",
                    "Idempotency-Key", "sandbox-fail",
                    "X-Sandbox-Outcome", "failed"),
                "{\"prompt\":\"a storm over the sea\"}");
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.json().path("credits_used").asLong()).isEqualTo(30);

    var task =
        Tasks.awaitEnd(
            api(), customer.key(), accepted.json().path("id").asString(), RENDER_TIMEOUT);

    assertThat(task.path("status").asString()).isEqualTo("failed");
    assertThat(task.path("error").path("code").asString()).isEqualTo("generation_failed");
    assertThat(task.path("error").path("message").asString()).contains("refunded");
    assertThat(task.path("credits_refunded").asLong()).isEqualTo(30);
    assertThat(task.path("output").isNull()).isTrue();
    assertThat(api().balance(customer.key())).isEqualTo(100);
    assertThat(reconciliation.check()).isEmpty();
  }

  @Test
  void anImageUrlThatCannotBeFetchedSafelyFailsTheTaskWithAFullRefund() {
    var customer = api().newCustomer(100);
    var accepted =
        api()
            .submit(
                customer.key(),
                "unreachable-image",
                "{\"prompt\":\"animate this photo\",\"mode\":\"image-to-video\","
                    + "\"image_url\":\"https://images.seedance-test.invalid/start.png\"}");
    assertThat(accepted.status()).isEqualTo(202);

    var task =
        Tasks.awaitEnd(
            api(), customer.key(), accepted.json().path("id").asString(), RENDER_TIMEOUT);

    assertThat(task.path("status").asString()).isEqualTo("failed");
    assertThat(task.path("error").path("code").asString()).isEqualTo("media_url_not_allowed");
    assertThat(task.path("credits_refunded").asLong()).isEqualTo(30);
    assertThat(api().balance(customer.key())).isEqualTo(100);
  }

  private static JsonNode stream(JsonNode probe, String type) {
    for (JsonNode s : probe.path("streams").values()) {
      if (s.path("codec_type").asString().equals(type)) {
        return s;
      }
    }
    return null;
  }

  private record Download(int status, Map<String, java.util.List<String>> headers, byte[] body) {
    String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  private static Download download(String url, Map<String, String> headers) {
    try (var client = java.net.http.HttpClient.newHttpClient()) {
      var request = java.net.http.HttpRequest.newBuilder(URI.create(url));
      headers.forEach(request::header);
      var response =
          client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      return new Download(response.statusCode(), response.headers().map(), response.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
