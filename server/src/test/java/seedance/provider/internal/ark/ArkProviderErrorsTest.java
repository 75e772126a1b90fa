package seedance.provider.internal.ark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static seedance.provider.internal.ark.ArkFixtures.MODELS;
import static seedance.provider.internal.ark.ArkFixtures.provider;
import static seedance.provider.internal.ark.ArkFixtures.request;
import static seedance.provider.internal.ark.ArkFixtures.submitFails;

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
import seedance.provider.ProviderException;
import seedance.provider.ProviderException.Kind;
import tools.jackson.databind.json.JsonMapper;

/** Ark failures sorted into what the worker may do next, and ambiguous creates recovered. */
class ArkProviderErrorsTest {

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
  void aThrottleOrOurAccountsRefusalCarriesArksRetryAfterForTheRest() {
    ark.storm(1, 429, "7", "RequestBurstTooFast");
    ProviderException throttled = submitFails(provider);
    ark.storm(1, 403, "40", "AccountOverdueError");
    ProviderException refused = submitFails(provider);

    assertThat(throttled.kind()).isEqualTo(Kind.THROTTLED);
    assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(refused.kind()).isEqualTo(Kind.ACCOUNT);
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void serverErrorIsAnUpstreamError() {
    ark.answerNextCreate(500, "InternalServiceError");

    assertThat(submitFails(provider).kind()).isEqualTo(Kind.UPSTREAM_ERROR);
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
    ark.hangCreates(Duration.ofSeconds(10));
    ArkProvider impatient =
        provider(ark.baseUrl(), ArkFakeServer.KEY, MODELS, false, Duration.ofMillis(500));
    GenerationRequest request = request("task_0001", "text-to-video");

    ProviderException e =
        catchThrowableOfType(ProviderException.class, () -> impatient.submit(request));
    ark.hangCreates(Duration.ZERO);

    assertThat(e.kind()).isEqualTo(Kind.AMBIGUOUS);
    String found = impatient.findSubmitted(request).orElseThrow();
    assertThat(ark.status(found)).isEqualTo("queued");
    assertThat(ark.creates()).isEqualTo(1);
  }

  @Test
  void findSubmittedPicksTheTaskTaggedWithOurTaskId() {
    String ours = provider.submit(request("task_0001", "text-to-video"));
    String theirs = provider.submit(request("task_0002", "text-to-video"));

    assertThat(provider.findSubmitted(request("task_0001", "text-to-video"))).contains(ours);
    assertThat(provider.findSubmitted(request("task_0002", "text-to-video"))).contains(theirs);
  }

  @Test
  void findSubmittedFindsNothingWhenArkNeverGotTheCreate() {
    provider.submit(request("other-task", "text-to-video"));

    assertThat(provider.findSubmitted(request("task_0001", "text-to-video"))).isEmpty();
  }
}
