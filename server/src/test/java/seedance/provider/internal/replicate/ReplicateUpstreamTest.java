package seedance.provider.internal.replicate;

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
 * Done-when for Replicate, the real server against the fake predictions API: text-, image- and
 * media-to-video with one prediction each and a re-hosted video (its last frame extracted here,
 * Replicate gives none) that still downloads once Replicate deleted its output; a flagged failure
 * refunded; a 429 storm (with Retry-After) waited out; storms of 5xx on create and GET, with
 * Retry-After waited out and without it retried on our backoff, never shown to the user; a GET that
 * hangs, timed out and polled again; a create accepted then reset, which Replicate cannot look up,
 * so it is resubmitted once and counted in the metric while the user pays once. One prediction per
 * task in every case but the reset.
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
      "seedance.test-hooks.host-map[replicate.delivery]=127.0.0.2",
      "seedance.test-hooks.host-map[media.test]=127.0.0.2",
      "seedance.replicate.token=" + ReplicateFakeServer.TOKEN,
      "seedance.replicate.read-timeout=2s"
    })
class ReplicateUpstreamTest extends ApiTest {

  private static final ReplicateFakeServer REPLICATE = start();
  private static final MediaTestServer OUTPUTS = UpstreamOutputs.start(false);

  @Autowired Reconciliation reconciliation;
  @Autowired MeterRegistry metrics;

  @DynamicPropertySource
  static void upstream(DynamicPropertyRegistry registry) {
    registry.add("seedance.replicate.base-url", () -> REPLICATE.baseUrl().toString());
    OUTPUTS.routeFetchesHere(registry);
  }

  @AfterAll
  static void stop() throws Exception {
    REPLICATE.close();
    OUTPUTS.close();
  }

  @Test
  void textAndImageToVideoRunOnReplicateOnceEachAndOutlastItsOutput() throws Exception {
    OUTPUTS.serveBytes("/start.png", png(), Map.of("Content-Type", "image/png"));
    var customer = api().newCustomer(100);
    String text = submit(customer.key(), "{\"prompt\":\"replicate text heron\"}");
    String image =
        submit(
            customer.key(),
            "{\"prompt\":\"replicate image kite\",\"mode\":\"image-to-video\","
                + "\"image_url\":\"https://media.test/start.png\"}");

    var first = Tasks.awaitEnd(api(), customer.key(), text, Duration.ofSeconds(90));
    var second = Tasks.awaitEnd(api(), customer.key(), image, Duration.ofSeconds(90));

    assertThat(first.path("status").asString()).as(first.toString()).isEqualTo("completed");
    assertThat(second.path("status").asString()).as(second.toString()).isEqualTo("completed");
    assertThat(REPLICATE.predictionsWithPrompt("replicate text heron")).isEqualTo(1);
    assertThat(REPLICATE.predictionsWithPrompt("replicate image kite")).isEqualTo(1);
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
  void mediaToVideoSendsTheReferencesToReplicateOnceAndOutlastsItsOutput() throws Exception {
    OUTPUTS.serveBytes("/ref.png", png(), Map.of("Content-Type", "image/png"));
    var customer = api().newCustomer(100);
    String media =
        submit(
            customer.key(),
            "{\"prompt\":\"replicate media [Image1] waves\",\"mode\":\"media-to-video\","
                + "\"media_urls\":[\"https://media.test/ref.png\"]}");

    var task = Tasks.awaitEnd(api(), customer.key(), media, Duration.ofSeconds(90));

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    assertThat(REPLICATE.predictionsWithPrompt("replicate media")).isEqualTo(1);
    assertThat(REPLICATE.inputOf("replicate media").path("reference_images").toString())
        .contains("https://media.test/ref.png");
    assertThat(api().balance(customer.key())).isEqualTo(70);
    OUTPUTS.expire("*.mp4");
    try {
      assertDownloadsAVideo(task.path("output").path("video_url").asString());
    } finally {
      OUTPUTS.serveEverySuffix(".mp4", UpstreamOutputs.clip());
    }
  }

  @Test
  void aFlaggedPredictionIsRefundedWithAStableCode() {
    REPLICATE.finishWith("failed", "The output was flagged as sensitive content (E005)");
    try {
      var customer = api().newCustomer(100);
      String id = submit(customer.key(), "{\"prompt\":\"replicate refused scene\"}");

      var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));

      assertThat(task.path("status").asString()).isEqualTo("failed");
      assertThat(task.path("error").path("code").asString()).isEqualTo("content_rejected");
      assertThat(api().balance(customer.key())).isEqualTo(100);
      assertThat(reconciliation.check()).isEmpty();
    } finally {
      REPLICATE.finishWith("succeeded", null);
    }
  }

  @Test
  void aStormOf429sIsWaitedOutNeverShownToTheUserAndFiledOnce() throws Exception {
    int before = REPLICATE.createCalls();
    REPLICATE.failCreatesWith(429);
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "{\"prompt\":\"replicate storm harbour\"}");
    Thread.sleep(1_500);
    REPLICATE.failCreatesWith(0);

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    assertThat(REPLICATE.predictionsWithPrompt("replicate storm harbour")).isEqualTo(1);
    assertThat(REPLICATE.createCalls() - before)
        .as("submits refused with 429 first")
        .isGreaterThan(1);
    assertThat(api().balance(customer.key())).isEqualTo(70);
  }

  @Test
  void aStormOf5xxsWithRetryAfterIsWaitedOutNeverShownToTheUserAndPaidOnce() throws Exception {
    int before = REPLICATE.createTimes().size();
    REPLICATE.stormCreates(2, 503, "2");
    REPLICATE.stormGets(2, 503, "1");
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "{\"prompt\":\"replicate 5xx lantern\"}");
    Thread.sleep(1_000);
    var during = api().get(customer.key(), "/api/v1/tasks/" + id).json();
    // Watched at the fake: reading the task every 200 ms for the storm's 6 s would meet our own
    // per-account rate limit.
    awaitGets("replicate 5xx lantern", 3);

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));

    assertThat(during.path("status").asString()).isEqualTo("processing");
    assertThat(during.path("error").path("code").isMissingNode()).as(during.toString()).isTrue();
    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    assertThat(REPLICATE.predictionsWithPrompt("replicate 5xx lantern")).isEqualTo(1);
    assertThat(api().balance(customer.key())).isEqualTo(70);
    var creates = REPLICATE.createTimes().subList(before, REPLICATE.createTimes().size());
    assertThat(creates).hasSize(3);
    // Our own retry would come within 200 ms; Replicate asked for 2 s, then 1 s per GET.
    assertThat(Duration.between(creates.get(0), creates.get(2))).isGreaterThan(secs(3.5));
    var gets = REPLICATE.predictionWithPrompt("replicate 5xx lantern").getTimes();
    assertThat(gets).hasSizeGreaterThanOrEqualTo(3);
    assertThat(Duration.between(gets.get(0), gets.get(2))).isGreaterThan(secs(1.5));
  }

  @Test
  void aStormOf5xxsWithoutRetryAfterIsRetriedOnOurBackoffAndPaidOnce() {
    REPLICATE.stormCreates(3, 500, null);
    REPLICATE.stormGets(3, 502, null);
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "{\"prompt\":\"replicate 5xx quiet pier\"}");

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    assertThat(REPLICATE.predictionsWithPrompt("replicate 5xx quiet pier")).isEqualTo(1);
    assertThat(REPLICATE.predictionWithPrompt("replicate 5xx quiet pier").gets()).isGreaterThan(3);
    assertThat(api().balance(customer.key())).isEqualTo(70);
  }

  @Test
  void aGetThatHangsIsTimedOutAndTheTaskStillEndsWithOnePrediction() {
    // Far longer than the 2 s read timeout: waiting it out would miss the 25 s below.
    REPLICATE.hangGets(1, Duration.ofSeconds(40));
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "{\"prompt\":\"replicate hanging bridge\"}");

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(25));

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    assertThat(REPLICATE.predictionsWithPrompt("replicate hanging bridge")).isEqualTo(1);
    assertThat(REPLICATE.predictionWithPrompt("replicate hanging bridge").gets())
        .isGreaterThanOrEqualTo(3);
    assertThat(api().balance(customer.key())).isEqualTo(70);
    assertThat(reconciliation.check()).isEmpty();
  }

  @Test
  void aCreateAcceptedThenResetIsResubmittedOnceCountedAndPaidOnceByTheUser() {
    double before = resubmits();
    REPLICATE.resetNextCreate();
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "{\"prompt\":\"replicate reset door\"}");

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    // Replicate has no lookup by our id: the flagged, counted retry of R-JOB-5.
    assertThat(REPLICATE.predictionsWithPrompt("replicate reset door")).isEqualTo(2);
    assertThat(resubmits() - before).isEqualTo(1);
    assertThat(api().balance(customer.key())).isEqualTo(70);
  }

  private static void awaitGets(String prompt, int gets) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (REPLICATE.predictionsWithPrompt(prompt) == 0
        || REPLICATE.predictionWithPrompt(prompt).gets() < gets) {
      assertThat(System.nanoTime()).as("%d GETs of '%s'", gets, prompt).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static Duration secs(double seconds) {
    return Duration.ofMillis((long) (seconds * 1000));
  }

  private double resubmits() {
    return metrics.counter("seedance.upstream.ambiguous_resubmits").count();
  }

  private String submit(String key, String body) {
    var accepted = api().submit(key, "replicate-" + System.nanoTime(), body);
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
    return accepted.json().path("id").asString();
  }

  private static ReplicateFakeServer start() {
    try {
      var server = new ReplicateFakeServer();
      server.outputRoot("https://replicate.delivery");
      return server;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
