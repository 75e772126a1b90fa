package seedance.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import seedance.sdk.testing.Ffprobe;
import seedance.sdk.testing.LocalServer;

/**
 * The SDK against the real packaged server: create, wait, download, and the errors a user meets.
 */
class SdkEndToEndIT {

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

  @Test
  void createWaitAndDownloadAPlayableVideo() throws Exception {
    var client =
        SeedanceClient.builder()
            .apiKey(server.newCustomerKey(100))
            .baseUrl(server.baseUrl())
            .build();

    var created =
        client
            .videos()
            .create(
                VideoRequest.builder("a red fox running through fresh snow, slow tracking shot")
                    .duration(4)
                    .seed(42L)
                    .build());
    assertThat(created.id()).startsWith("sd2_");
    assertThat(created.status()).isEqualTo("processing");
    assertThat(created.creditsUsed()).isEqualTo(24);

    var task = client.tasks().waitFor(created.id(), Duration.ofMinutes(2));
    assertThat(task.status()).isEqualTo("completed");
    assertThat(task.output().seed()).isEqualTo(42L);

    var video =
        client.tasks().download(task, Files.createTempDirectory("sdk-e2e").resolve("fox.mp4"));
    var probe = Ffprobe.probe(video);
    assertThat(Ffprobe.codecs(probe)).contains("h264", "aac");
    assertThat(probe.path("format").path("duration").asDouble()).isBetween(3.9, 4.2);
  }

  @Test
  void aRetriedCreateWithTheSameKeyIsOneTaskAndOneCharge() {
    var client =
        SeedanceClient.builder()
            .apiKey(server.newCustomerKey(30))
            .baseUrl(server.baseUrl())
            .build();
    var request = VideoRequest.builder("a lighthouse at dusk, waves").build();

    var first = client.videos().create(request, "e2e-same-key");
    var again = client.videos().create(request, "e2e-same-key");

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.replayed()).isTrue();
    // 30 credits were enough for exactly one: a second task would be a 402.
    assertThatThrownBy(() -> client.videos().create(request))
        .isInstanceOf(InsufficientCreditsException.class);
  }

  @Test
  void serverErrorsArriveAsTheirExceptions() {
    var client =
        SeedanceClient.builder().apiKey(server.newCustomerKey(0)).baseUrl(server.baseUrl()).build();

    assertThatThrownBy(() -> client.tasks().get("sd2_000000000000000000000000"))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.requestId()).isNotBlank());
    assertThatThrownBy(
            () -> client.videos().create(VideoRequest.builder("a fox").duration(3).build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.param()).isEqualTo("duration"));
    var stranger =
        client.newBuilder().apiKey("sk_live_000000000000000000000000000000000000000000").build();
    assertThatThrownBy(() -> stranger.tasks().get("sd2_000000000000000000000000"))
        .isInstanceOf(UnauthorizedException.class);
  }
}
