package seedance.provider.internal.fal;

import static org.assertj.core.api.Assertions.assertThat;
import static seedance.testing.UpstreamChecks.assertDownloadsAVideo;
import static seedance.testing.UpstreamChecks.png;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import seedance.credit.Reconciliation;
import seedance.media.MediaTestServer;
import seedance.testing.ApiTest;
import seedance.testing.Tasks;
import seedance.testing.UpstreamOutputs;

/**
 * Done-when for fal, the real server against the fake fal queue: text-, image- and media-to-video
 * with one filed request each and a re-hosted video (its last frame extracted here, fal gives none)
 * that still downloads once fal's own link expired; a content-policy failure refunded; a 429 storm
 * and 5xx storms on submit and status calls (with and without Retry-After) waited out; status calls
 * that hang timed out and polled again; a submit accepted then reset, which fal cannot look up, so
 * it is resubmitted once and counted in the metric while the user pays once.
 */
// Closed after the class, so its worker never reaches a later class's fake on a reused port.
@DirtiesContext
@TestPropertySource(
    properties = {
      "seedance.worker.enabled=true",
      // Each test scripts its own refusals; a provider resting after one would refuse the next.
      "seedance.routing.account-cool-down=0s",
      "seedance.routing.throttle-cool-down=0s",
      "seedance.worker.poll-interval=100ms",
      "seedance.worker.poll-initial=100ms",
      "seedance.worker.poll-max=400ms",
      "seedance.worker.retry-base=100ms",
      "seedance.test-hooks.enabled=true",
      "server.address=127.0.0.1",
      "seedance.test-hooks.allowed-ranges=127.0.0.2/32",
      "seedance.test-hooks.host-map[v3b.fal.media]=127.0.0.2",
      "seedance.test-hooks.host-map[media.test]=127.0.0.2",
      "seedance.fal.key=" + FalFakeServer.KEY,
      "seedance.fal.read-timeout=2s",
      // Waiting out storms and hangs takes seconds of task reads every 200 ms; the API's own
      // per-account limit is not under test here.
      "seedance.rate-limit.limit=600"
    })
class FalUpstreamTest extends ApiTest {

  private static final FalFakeServer FAL = start();
  private static final MediaTestServer OUTPUTS = UpstreamOutputs.start(false);

  @Autowired Reconciliation reconciliation;
  @Autowired MeterRegistry metrics;

  @DynamicPropertySource
  static void upstream(DynamicPropertyRegistry registry) {
    registry.add("seedance.fal.base-url", () -> FAL.url().toString());
    OUTPUTS.routeFetchesHere(registry);
  }

  @AfterAll
  static void stop() throws Exception {
    FAL.close();
    OUTPUTS.close();
  }

  @Test
  void textAndImageToVideoRunOnFalOnceEachAndOutlastFalsLink() throws Exception {
    OUTPUTS.serveBytes("/start.png", png(), Map.of("Content-Type", "image/png"));
    var customer = api().newCustomer(100);
    String text = submit(customer.key(), "{\"prompt\":\"fal text heron\"}");
    String image =
        submit(
            customer.key(),
            "{\"prompt\":\"fal image kite\",\"mode\":\"image-to-video\","
                + "\"image_url\":\"https://media.test/start.png\"}");

    var first = Tasks.awaitEnd(api(), customer.key(), text, Duration.ofSeconds(90));
    var second = Tasks.awaitEnd(api(), customer.key(), image, Duration.ofSeconds(90));

    assertThat(first.path("status").asString()).as(first.toString()).isEqualTo("completed");
    assertThat(second.path("status").asString()).as(second.toString()).isEqualTo("completed");
    assertThat(FAL.filedWithPrompt("fal text heron")).isEqualTo(1);
    assertThat(FAL.filedWithPrompt("fal image kite")).isEqualTo(1);
    assertThat(api().balance(customer.key())).isEqualTo(40);
    OUTPUTS.expire("*.mp4");
    try {
      assertDownloadsAVideo(first.path("output").path("video_url").asString());
      assertDownloadsAVideo(second.path("output").path("video_url").asString());
    } finally {
      OUTPUTS.serveEverySuffix(".mp4", UpstreamOutputs.clip());
    }
  }

  @Test
  void mediaToVideoSendsTheReferencesToFalsReferenceEndpointOnceAndOutlastsFalsLink()
      throws Exception {
    OUTPUTS.serveBytes("/ref.png", png(), Map.of("Content-Type", "image/png"));
    var customer = api().newCustomer(100);
    String media =
        submit(
            customer.key(),
            "{\"prompt\":\"fal media [Image1] waves\",\"mode\":\"media-to-video\","
                + "\"media_urls\":[\"https://media.test/ref.png\"]}");

    var task = Tasks.awaitEnd(api(), customer.key(), media, Duration.ofSeconds(90));

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    assertThat(FAL.filedWithPrompt("fal media")).isEqualTo(1);
    var filed = FAL.filedWithPromptOnly("fal media");
    assertThat(filed.endpoint).endsWith("reference-to-video");
    assertThat(filed.input.path("image_urls").toString()).contains("https://media.test/ref.png");
    assertThat(api().balance(customer.key())).isEqualTo(70);
    OUTPUTS.expire("*.mp4");
    try {
      assertDownloadsAVideo(task.path("output").path("video_url").asString());
    } finally {
      OUTPUTS.serveEverySuffix(".mp4", UpstreamOutputs.clip());
    }
  }

  @Test
  void aContentPolicyFailureIsRefundedWithAStableCode() {
    FAL.contentPolicyOnResult = true;
    try {
      var customer = api().newCustomer(100);
      String id = submit(customer.key(), "{\"prompt\":\"fal refused scene\"}");

      var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));

      assertThat(task.path("status").asString()).isEqualTo("failed");
      assertThat(task.path("error").path("code").asString()).isEqualTo("content_rejected");
      assertThat(api().balance(customer.key())).isEqualTo(100);
      assertThat(reconciliation.check()).isEmpty();
    } finally {
      FAL.contentPolicyOnResult = false;
    }
  }

  @Test
  void aStormOf429sIsWaitedOutNeverShownToTheUserAndFiledOnce() throws Exception {
    int before = FAL.submissions();
    FAL.submitFailure = 429;
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "{\"prompt\":\"fal storm harbour\"}");
    Thread.sleep(1_500);
    FAL.submitFailure = 0;

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    assertThat(FAL.filedWithPrompt("fal storm harbour")).isEqualTo(1);
    assertThat(FAL.submissions() - before).as("submits refused with 429 first").isGreaterThan(1);
    assertThat(api().balance(customer.key())).isEqualTo(70);
  }

  @Test
  void serverErrorsWithRetryAfterOnSubmitAndStatusAreWaitedOutNeverShownAndPaidOnce() {
    int before = FAL.stormed();
    FAL.stormSubmits(2, 503, "1");
    FAL.stormStatus(2, 502, "1");
    var customer = api().newCustomer(100);
    long start = System.nanoTime();
    String id = submit(customer.key(), "{\"prompt\":\"fal 5xx lantern\"}");

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));

    // Four answers each asking for a second: the 100-400 ms backoff alone would take under two.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(4));
    assertCompletedWithoutATrace(task);
    assertThat(FAL.stormed() - before).isEqualTo(4);
    assertThat(FAL.filedWithPrompt("fal 5xx lantern")).isEqualTo(1);
    assertThat(api().balance(customer.key())).isEqualTo(70);
    assertThat(reconciliation.check()).isEmpty();
  }

  @Test
  void serverErrorsWithoutRetryAfterOnSubmitAndStatusAreWaitedOutAndPaidOnce() {
    int before = FAL.stormed();
    FAL.stormSubmits(3, 500, null);
    FAL.stormStatus(3, 504, null);
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "{\"prompt\":\"fal 5xx quarry\"}");

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));

    assertCompletedWithoutATrace(task);
    assertThat(FAL.stormed() - before).isEqualTo(6);
    assertThat(FAL.filedWithPrompt("fal 5xx quarry")).isEqualTo(1);
    assertThat(api().balance(customer.key())).isEqualTo(70);
  }

  @Test
  void statusCallsThatHangAreTimedOutAndTheTaskStillCompletesFiledOnce() {
    int before = FAL.hungStatusCalls();
    // Far beyond the 2 s read timeout: only giving up on the call gets the task anywhere.
    FAL.hangStatus(2, Duration.ofSeconds(20));
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "{\"prompt\":\"fal hung bell\"}");

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));

    assertCompletedWithoutATrace(task);
    assertThat(FAL.hungStatusCalls() - before).isEqualTo(2);
    assertThat(FAL.filedWithPrompt("fal hung bell")).isEqualTo(1);
    assertThat(api().balance(customer.key())).isEqualTo(70);
    assertThat(reconciliation.check()).isEmpty();
  }

  /** Completed, with no error and nothing of fal's refusals in what the user sees. */
  private static void assertCompletedWithoutATrace(tools.jackson.databind.JsonNode task) {
    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    assertThat(task.path("error").isMissingNode() || task.path("error").isNull())
        .as(task.toString())
        .isTrue();
    assertThat(task.toString()).doesNotContain("fake storm").doesNotContain("fal answered");
  }

  @Test
  void aSubmitAcceptedThenResetIsResubmittedOnceCountedAndPaidOnceByTheUser() {
    double before = resubmits();
    FAL.resetNextSubmit.set(true);
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "{\"prompt\":\"fal reset door\"}");

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    // fal has no lookup by our id: the flagged, counted retry of R-JOB-5.
    assertThat(FAL.filedWithPrompt("fal reset door")).isEqualTo(2);
    assertThat(resubmits() - before).isEqualTo(1);
    assertThat(api().balance(customer.key())).isEqualTo(70);
  }

  private double resubmits() {
    return metrics.counter("seedance.upstream.ambiguous_resubmits").count();
  }

  private String submit(String key, String body) {
    var accepted = api().submit(key, "fal-" + System.nanoTime(), body);
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
    return accepted.json().path("id").asString();
  }

  private static FalFakeServer start() {
    try {
      return new FalFakeServer();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
