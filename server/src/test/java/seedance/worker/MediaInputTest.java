package seedance.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import seedance.media.MediaTestServer;
import seedance.testing.ApiTest;
import seedance.testing.Ffprobe;
import seedance.testing.Tasks;

/**
 * User media end to end: the worker fetches {@code image_url} and {@code end_image_url} from a real
 * HTTPS server (on 127.0.0.2, reached through the test hooks) and they open and close the video; a
 * URL whose host resolves to loopback fails the task with a full refund and never reaches the
 * canary on 127.0.0.1.
 */
@TestPropertySource(
    properties = {
      "seedance.worker.enabled=true",
      "seedance.test-hooks.enabled=true",
      "server.address=127.0.0.1",
      "seedance.test-hooks.allowed-ranges=127.0.0.2/32"
    })
class MediaInputTest extends ApiTest {

  private static final MediaTestServer MEDIA = startMediaServer();

  @DynamicPropertySource
  static void media(DynamicPropertyRegistry registry) {
    registry.add("seedance.test-hooks.host-map[media.test]", () -> "127.0.0.2");
    registry.add("seedance.test-hooks.host-map[evil.test]", () -> "127.0.0.1");
    MEDIA.routeFetchesHere(registry);
  }

  @AfterAll
  static void stopMedia() throws Exception {
    MEDIA.close();
  }

  @Test
  void theStartAndEndImagesOpenAndCloseTheVideoAndAdaptiveFollowsTheImage() throws Exception {
    MEDIA.serveBytes("/start.png", png(800, 600, Color.RED), Map.of("Content-Type", "image/png"));
    MEDIA.serveBytes("/end.png", png(800, 600, Color.BLUE), Map.of("Content-Type", "image/png"));
    var customer = api().newCustomer(100);

    var accepted =
        api()
            .submit(
                customer.key(),
                "frames",
                "{\"prompt\":\"from red to blue\",\"mode\":\"image-to-video\",\"duration\":\"4\","
                    + "\"aspect_ratio\":\"adaptive\",\"image_url\":\"https://media.test/start.png\","
                    + "\"end_image_url\":\"https://media.test/end.png\"}");
    assertThat(accepted.status()).isEqualTo(202);
    var task =
        Tasks.awaitEnd(
            api(), customer.key(), accepted.json().path("id").asString(), Duration.ofSeconds(90));

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    Path video = download(task.path("output").path("video_url").asString(), ".mp4");
    var picture = Ffprobe.probe(video).path("streams").get(0);
    assertThat(picture.path("width").asInt()).isEqualTo(1112); // 800x600 is 4:3
    assertThat(picture.path("height").asInt()).isEqualTo(834);
    Path first = Files.createTempFile("first", ".png");
    Ffprobe.firstFrame(video, first);
    assertThat(dominant(ImageIO.read(first.toFile()))).isEqualTo("red");
    Path last = download(task.path("output").path("last_frame_url").asString(), ".png");
    assertThat(dominant(ImageIO.read(last.toFile()))).isEqualTo("blue");
    assertThat(MEDIA.hits("/start.png")).isEqualTo(1);
  }

  @Test
  void aHostThatResolvesToLoopbackIsRefusedWithoutAConnectionAndRefunded() {
    int canaryBefore = MEDIA.canaryConnections();
    var customer = api().newCustomer(100);

    var accepted =
        api()
            .submit(
                customer.key(),
                "evil",
                "{\"prompt\":\"animate this\",\"mode\":\"image-to-video\","
                    + "\"image_url\":\"https://evil.test/start.png\"}");
    var task =
        Tasks.awaitEnd(
            api(), customer.key(), accepted.json().path("id").asString(), Duration.ofSeconds(60));

    assertThat(task.path("status").asString()).isEqualTo("failed");
    assertThat(task.path("error").path("code").asString()).isEqualTo("media_url_not_allowed");
    assertThat(task.path("credits_refunded").asLong()).isEqualTo(30);
    assertThat(api().balance(customer.key())).isEqualTo(100);
    assertThat(MEDIA.canaryConnections()).isEqualTo(canaryBefore);
  }

  private static MediaTestServer startMediaServer() {
    try {
      return MediaTestServer.start(Files.createTempDirectory("media-server"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] png(int width, int height, Color color) throws Exception {
    var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, width, height);
    g.dispose();
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** Which of red or blue dominates the image's corners (the prompt text sits in the middle). */
  private static String dominant(BufferedImage image) {
    long red = 0;
    long blue = 0;
    int[][] points = {
      {5, 5},
      {image.getWidth() - 6, 5},
      {5, image.getHeight() - 6},
      {image.getWidth() - 6, image.getHeight() - 6}
    };
    for (int[] p : points) {
      var c = new Color(image.getRGB(p[0], p[1]));
      red += c.getRed();
      blue += c.getBlue();
    }
    if (red > blue * 2) {
      return "red";
    }
    return blue > red * 2 ? "blue" : "mixed";
  }

  private static Path download(String url, String suffix) throws Exception {
    try (var client = HttpClient.newHttpClient()) {
      Path file = Files.createTempFile("download", suffix);
      var response =
          client.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofFile(file));
      assertThat(response.statusCode()).isEqualTo(200);
      return file;
    }
  }
}
