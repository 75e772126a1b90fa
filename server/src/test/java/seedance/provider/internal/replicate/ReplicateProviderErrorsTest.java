package seedance.provider.internal.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static seedance.provider.internal.replicate.SampleRequests.START;
import static seedance.provider.internal.replicate.SampleRequests.request;
import static seedance.provider.internal.replicate.SampleRequests.settings;
import static seedance.provider.internal.replicate.SampleRequests.textToVideo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import seedance.provider.GenerationRequest;
import seedance.provider.GenerationRequest.InputMedia;
import seedance.provider.ProviderException;
import seedance.provider.ProviderException.Kind;

/**
 * Every way a create can go wrong, classified by what the worker may safely do next: above all,
 * only a call that provably never left us may be retried blindly.
 */
class ReplicateProviderErrorsTest {

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
  void aWrongTokenIsOurAccountsProblemAndTheMessageNeverShowsAToken() {
    var wrong = new ReplicateProvider(settings(fake.baseUrl(), "r8_wrong_secret_token"));

    ProviderException e = submitFailure(wrong, "pro");

    assertThat(e.kind()).isEqualTo(Kind.ACCOUNT);
    assertThat(e.getMessage()).contains("401").doesNotContain("r8_wrong_secret_token");
    assertThat(settings(fake.baseUrl(), "r8_wrong_secret_token").toString())
        .doesNotContain("r8_wrong_secret_token");
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
  void aServerErrorsRetryAfterIsKeptOnCreateAndPoll() {
    var request = textToVideo("pro");
    fake.stormCreates(1, 503, "7");

    ProviderException create = submitFailure(provider, "pro");
    String id = provider.submit(request);
    fake.stormGets(2, 502, null);
    ProviderException poll =
        catchThrowableOfType(ProviderException.class, () -> provider.poll(id, request));
    fake.stormGets(1, 503, "3");
    ProviderException pollAfter =
        catchThrowableOfType(ProviderException.class, () -> provider.poll(id, request));

    assertThat(create.kind()).isEqualTo(Kind.UPSTREAM_ERROR);
    assertThat(create.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(poll.kind()).isEqualTo(Kind.UPSTREAM_ERROR);
    assertThat(poll.retryAfter()).isNull();
    assertThat(pollAfter.retryAfter()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void anAccountRefusalsRetryAfterIsKeptSoTheRestLastsAsLongAsAsked() {
    fake.stormCreates(1, 402, "120");

    ProviderException e = submitFailure(provider, "pro");

    assertThat(e.kind()).isEqualTo(Kind.ACCOUNT);
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
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
  void aConnectionDroppedAfterTheCreateWasReadIsAmbiguous() {
    fake.dropCreates();

    ProviderException e = submitFailure(provider, "pro");

    assertThat(e.kind()).isEqualTo(Kind.AMBIGUOUS);
    assertThat(fake.createCalls()).as("sent once, never retried by the client").isEqualTo(1);
  }

  @Test
  void aFailedTlsHandshakeIsNotSent() {
    var plainServerSpokenToOverTls =
        new ReplicateProvider(
            settings(
                URI.create(fake.baseUrl().toString().replace("http:", "https:")),
                ReplicateFakeServer.TOKEN));

    assertThat(submitFailure(plainServerSpokenToOverTls, "pro").kind()).isEqualTo(Kind.NOT_SENT);
    assertThat(fake.createCalls()).isZero();
  }

  @Test
  void aModelReplicateDoesNotKnowIsOurAccountsProblem() {
    var misconfigured =
        new ReplicateProvider(
            new ReplicateSettings(
                fake.baseUrl(),
                ReplicateFakeServer.TOKEN,
                Map.of("pro", "bytedance/seedance-9"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5)));

    assertThat(submitFailure(misconfigured, "pro").kind()).isEqualTo(Kind.ACCOUNT);
  }

  @Test
  void pollErrorsAreClassifiedLikeCreateErrors() {
    var request = textToVideo("pro");
    String id = provider.submit(request);
    var wrong = new ReplicateProvider(settings(fake.baseUrl(), "r8_wrong_secret_token"));

    ProviderException e =
        catchThrowableOfType(ProviderException.class, () -> wrong.poll(id, request));

    assertThat(e.kind()).isEqualTo(Kind.ACCOUNT);
    assertThat(
            catchThrowableOfType(
                    ProviderException.class, () -> provider.poll("unknownprediction", request))
                .kind())
        .isEqualTo(Kind.UPSTREAM_ERROR);
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

  private static ProviderException submitFailure(ReplicateProvider provider, String tier) {
    return catchThrowableOfType(ProviderException.class, () -> provider.submit(textToVideo(tier)));
  }
}
