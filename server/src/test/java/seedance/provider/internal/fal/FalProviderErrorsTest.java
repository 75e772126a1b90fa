package seedance.provider.internal.fal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static seedance.provider.internal.fal.FalRequests.request;
import static seedance.provider.internal.fal.FalRequests.settings;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import seedance.provider.ProviderException;
import seedance.provider.ProviderException.Kind;

/** How failed submits reach the worker: the ProviderException kind says what may happen next. */
class FalProviderErrorsTest {

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
  void aPromptFalsModerationRefusesIsRejectedAsContentRejected() {
    var request =
        request("text-to-video", "pro", "a " + FalValidation.FORBIDDEN_WORD, "16:9", "720p", false);

    assertThatThrownBy(() -> provider.submit(request))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.REJECTED);
              assertThat(e.code()).isEqualTo("content_rejected");
            });
  }

  @Test
  void aValidationErrorIsRejectedAsInvalidRequestNamingTheField() {
    // fal's fast model stops at 720p.
    var request = request("text-to-video", "standard", "rain", "16:9", "1080p", false);

    assertThatThrownBy(() -> provider.submit(request))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.REJECTED);
              assertThat(e.code()).isEqualTo("invalid_request");
              assertThat(e.getMessage()).contains("HTTP 422").contains("resolution");
            });
  }

  @ParameterizedTest
  @CsvSource({"4k", "1080p-plus"})
  void resolutionsFalLacksAreRefusedBeforeAnythingIsSent(String resolution) {
    var request = request("text-to-video", "pro", "rain", "16:9", resolution, false);

    assertThatThrownBy(() -> provider.submit(request))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.REJECTED);
              assertThat(e.code()).isEqualTo("unsupported_request");
            });
    assertThat(fal.submissions()).isZero();
  }

  @ParameterizedTest
  @CsvSource({
    "401, ACCOUNT",
    "402, ACCOUNT",
    "403, ACCOUNT",
    "429, THROTTLED",
    "500, UPSTREAM_ERROR",
    "503, UPSTREAM_ERROR"
  })
  void errorAnswersAreClassifiedWithoutEverShowingTheKey(int status, Kind kind) {
    fal.submitFailure = status;
    var request = request("text-to-video", "pro", "rain", "16:9", "720p", false);

    assertThatThrownBy(() -> provider.submit(request))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.getMessage())
                  .contains("HTTP " + status)
                  .doesNotContain(FalFakeServer.KEY);
            });
  }

  @Test
  void aWrongKeyIsAnAccountProblem() {
    var wrong = new FalProvider(settings("not-the-key", fal.url()));

    assertThatThrownBy(
            () -> wrong.submit(request("text-to-video", "pro", "rain", "16:9", "720p", false)))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.ACCOUNT));
  }

  @Test
  void pollingWithAWrongKeyIsAnAccountProblemNotAFailedTask() {
    var request = request("text-to-video", "pro", "rain", "16:9", "720p", false);
    String id = new FalProvider(settings(FalFakeServer.KEY, fal.url())).submit(request);
    var wrong = new FalProvider(settings("not-the-key", fal.url()));

    assertThatThrownBy(() -> wrong.poll(id, request))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.ACCOUNT));
  }

  @Test
  void pollingARequestFalDoesNotKnowIsAnUpstreamError() {
    var request = request("text-to-video", "pro", "rain", "16:9", "720p", false);
    var provider = new FalProvider(settings(FalFakeServer.KEY, fal.url()));

    assertThatThrownBy(() -> provider.poll("bytedance/seedance-2.0|gone", request))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UPSTREAM_ERROR));
  }

  @Test
  void aRefusedConnectionWasNotSent() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var closed =
        new FalProvider(settings(FalFakeServer.KEY, URI.create("http://127.0.0.1:" + port)));

    assertThatThrownBy(
            () -> closed.submit(request("text-to-video", "pro", "rain", "16:9", "720p", false)))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_SENT));
  }

  @Test
  void aSubmitLeftUnansweredIsAmbiguous() {
    fal.hangSubmits = true;
    var impatient =
        new FalProvider(
            settings(FalFakeServer.KEY, fal.url()).withRequestTimeout(Duration.ofMillis(300)));

    assertThatThrownBy(
            () -> impatient.submit(request("text-to-video", "pro", "rain", "16:9", "720p", false)))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AMBIGUOUS));
    assertThat(fal.submissions()).isEqualTo(1);
  }

  @Test
  void theSettingsNeverPrintTheKey() {
    assertThat(settings(FalFakeServer.KEY, fal.url()).toString()).doesNotContain(FalFakeServer.KEY);
  }
}
