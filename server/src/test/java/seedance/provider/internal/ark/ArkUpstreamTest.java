package seedance.provider.internal.ark;

import static org.assertj.core.api.Assertions.assertThat;
import static seedance.testing.UpstreamChecks.assertDownloadsAVideo;
import static seedance.testing.UpstreamChecks.png;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * Done-when for Ark: text-, image- and media-to-video, success, failure with refund, a 429 storm
 * with every Ark throttling code, 5xx, an ambiguous create (accept-then-reset), each showing one
 * upstream task per our task, the final state, the balance, and a re-hosted video that still
 * downloads once Ark's own link expired.
 *
 * <p>The server with Ark configured (SEEDANCE_ARK_API_KEY) against the fake Ark: tasks run
 * upstream, their outputs are re-hosted from the upstream's expiring HTTPS links (served here from
 * 127.0.0.2), and an upstream refusal or our account's problem fails the task with a full refund.
 */
// Closed after the class, so its worker never reaches a later class's fake on a reused port.
@DirtiesContext
@TestPropertySource(
    properties = {
      "seedance.worker.enabled=true",
      "seedance.worker.poll-interval=100ms",
      "seedance.worker.poll-initial=100ms",
      "seedance.worker.poll-max=400ms",
      "seedance.worker.retry-base=20ms",
      "seedance.test-hooks.host-map[media.test]=127.0.0.2",
      "seedance.test-hooks.enabled=true",
      "server.address=127.0.0.1",
      "seedance.test-hooks.allowed-ranges=127.0.0.2/32",
      "seedance.test-hooks.host-map[tos.example]=127.0.0.2",
      "seedance.ark.api-key=" + ArkFakeServer.KEY,
      "seedance.ark.read-timeout=2s",
      // Each test scripts its own refusals; a provider resting after one would refuse the next.
      "seedance.routing.account-cool-down=0s",
      "seedance.routing.throttle-cool-down=0s",
      // Waiting out a storm whose retries back off takes seconds of task reads every 200 ms; the
      // API's own per-account limit is not under test here.
      "seedance.rate-limit.limit=600"
    })
class ArkUpstreamTest extends ApiTest {

  private static final ArkFakeServer ARK = UpstreamFixtures.ark();
  private static final MediaTestServer OUTPUTS = UpstreamOutputs.start(true);

  @Autowired Reconciliation reconciliation;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void upstream(DynamicPropertyRegistry registry) {
    UpstreamFixtures.register(registry, ARK, OUTPUTS);
    registry.add("seedance.routing.file", ArkUpstreamTest::routes);
  }

  @AfterAll
  static void stop() throws Exception {
    ARK.close();
    OUTPUTS.close();
  }

  @Test
  void aTaskRunsOnArkAndItsOutputsAreRehostedWithUsageRecorded() {
    var customer = api().newCustomer(100);
    var accepted = api().submit(customer.key(), "ark-ok", "{\"prompt\":\"a heron taking off\"}");
    String id = accepted.json().path("id").asString();

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    assertThat(task.path("output").path("video_url").asString())
        .contains("/v1/files/" + id + "/video.mp4");
    assertThat(ARK.creates()).isGreaterThanOrEqualTo(1);
    String usage =
        jdbc.sql("SELECT usage_json FROM tasks WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    assertThat(usage).contains("token");
    String provider =
        jdbc.sql("SELECT provider FROM tasks WHERE id = ?").param(id).query(String.class).single();
    assertThat(provider).isEqualTo("ark");
    assertThat(api().balance(customer.key())).isEqualTo(70);
    assertThat(reconciliation.check()).isEmpty();
  }

  @Test
  void aModerationFailureUpstreamIsRefundedWithAStableCode() {
    ARK.failTasksWith("OutputVideoSensitiveContentDetected");
    try {
      var customer = api().newCustomer(100);
      String id =
          api()
              .submit(customer.key(), "ark-moderated", "{\"prompt\":\"a crowded market\"}")
              .json()
              .path("id")
              .asString();

      var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));

      assertThat(task.path("status").asString()).isEqualTo("failed");
      assertThat(task.path("error").path("code").asString()).isEqualTo("content_rejected");
      assertThat(task.path("credits_refunded").asLong()).isEqualTo(30);
      assertThat(api().balance(customer.key())).isEqualTo(100);
    } finally {
      ARK.failTasksWith(null);
    }
  }

  @Test
  void ourOwnAccountProblemIsNeverBlamedOnTheUserAndIsRefunded() {
    ARK.answerNextCreate(401, "AuthenticationError");
    var customer = api().newCustomer(100);
    String id =
        api()
            .submit(customer.key(), "ark-401", "{\"prompt\":\"a quiet lake\"}")
            .json()
            .path("id")
            .asString();

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));

    assertThat(task.path("status").asString()).isEqualTo("failed");
    assertThat(task.path("error").path("code").asString()).isEqualTo("upstream_unavailable");
    assertThat(task.path("error").path("message").asString()).doesNotContain(ArkFakeServer.KEY);
    assertThat(api().balance(customer.key())).isEqualTo(100);
  }

  @Test
  void anAmbiguousCreateIsFoundUpstreamInsteadOfBeingPaidTwice() {
    ARK.hangCreates(Duration.ofSeconds(5));
    int createsBefore = ARK.creates();
    var customer = api().newCustomer(100);
    try {
      String id =
          api()
              .submit(customer.key(), "ark-hang", "{\"prompt\":\"a slow tide\"}")
              .json()
              .path("id")
              .asString();

      var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));

      assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
      assertThat(ARK.creates() - createsBefore).isEqualTo(1);
    } finally {
      ARK.hangCreates(Duration.ZERO);
    }
  }

  @Test
  void whenOurArkAccountIsRefusedTheNextProviderOnTheRouteTakesTheTask() {
    ARK.answerNextCreate(401, "AuthenticationError");
    var customer = api().newCustomer(100);
    String id =
        api()
            .submit(
                customer.key(),
                "ark-failover",
                "{\"prompt\":\"a paper lantern\",\"quality_tier\":\"mini\"}")
            .json()
            .path("id")
            .asString();

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    String provider =
        jdbc.sql("SELECT provider FROM tasks WHERE id = ?").param(id).query(String.class).single();
    assertThat(provider).isEqualTo("local");
  }

  /** Mini tries Ark, then the local renderer. */
  private static String routes() {
    try {
      Path file = Files.createTempFile("routes", ".yaml");
      Files.writeString(
          file,
          """
          routes:
            mini:
              standard:
                - provider: ark
                  model: dreamina-seedance-2-0-mini-260615
                - provider: local
          """);
      return file.toString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void imageAndMediaToVideoRunOnArkWithOneUpstreamTaskEachAndOutlastTheUpstreamLink()
      throws Exception {
    OUTPUTS.serveBytes("/start.png", png(), java.util.Map.of("Content-Type", "image/png"));
    OUTPUTS.serveBytes("/ref.png", png(), java.util.Map.of("Content-Type", "image/png"));
    var customer = api().newCustomer(100);
    String image =
        submit(
            customer.key(),
            "{\"prompt\":\"the kite rises\",\"mode\":\"image-to-video\","
                + "\"image_url\":\"https://media.test/start.png\"}");
    String media =
        submit(
            customer.key(),
            "{\"prompt\":\"the character from [Image1] waves\",\"mode\":\"media-to-video\","
                + "\"media_urls\":[\"https://media.test/ref.png\"]}");

    for (String id : java.util.List.of(image, media)) {
      var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));
      assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
      assertThat(ARK.tasksFor(id)).isEqualTo(1);
      OUTPUTS.expire("/" + upstreamId(id) + ".mp4");
      assertDownloadsAVideo(task.path("output").path("video_url").asString());
    }
    assertThat(ARK.createBodyFor(image).toString())
        .contains("https://media.test/start.png")
        .contains("first_frame");
    assertThat(ARK.createBodyFor(media).toString()).contains("https://media.test/ref.png");
    assertThat(api().balance(customer.key())).isEqualTo(40);
  }

  @Test
  void aStormOf429sWithEveryArkCodeIsWaitedOutNeverShownToTheUserAndPaidOnce() {
    ARK.storm(
        12,
        429,
        null,
        "RateLimitExceeded.EndpointRPMExceeded",
        "ModelAccountRpmRateLimitExceeded",
        "ModelAccountTpmRateLimitExceeded",
        "APIAccountRpmRateLimitExceeded",
        "AccountRateLimitExceeded",
        "RequestBurstTooFast",
        "InflightBatchsizeExceeded",
        "ServerOverloaded",
        "QuotaExceeded",
        "SetLimitExceeded");
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "{\"prompt\":\"a storm over the harbour\"}");

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    assertThat(ARK.tasksFor(id)).isEqualTo(1);
    assertThat(api().balance(customer.key())).isEqualTo(70);
    // Each refused create was a retry, so the wait before the next one kept doubling.
    assertThat(
            jdbc.sql("SELECT retries FROM tasks WHERE id = ?")
                .param(id)
                .query(Integer.class)
                .single())
        .isEqualTo(12);
  }

  @Test
  void serverErrorsAndARetryAfterAreWaitedOutAndPaidOnce() {
    ARK.storm(3, 500, "1", "InternalServiceError");
    var customer = api().newCustomer(100);
    long start = System.nanoTime();
    String id = submit(customer.key(), "{\"prompt\":\"a flickering neon sign\"}");

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));

    // Three answers each asking for a second: the 100 ms backoff alone would take under one.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(3));
    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    assertThat(ARK.tasksFor(id)).isEqualTo(1);
    assertThat(api().balance(customer.key())).isEqualTo(70);
  }

  @Test
  void aCreateAcceptedThenResetIsFoundUpstreamAndPaidOnce() {
    ARK.resetNextCreate();
    int resetsBefore = ARK.resets();
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "{\"prompt\":\"a door slams in the wind\"}");

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(90));

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    assertThat(ARK.resets() - resetsBefore).isEqualTo(1);
    assertThat(ARK.tasksFor(id)).isEqualTo(1);
    assertThat(api().balance(customer.key())).isEqualTo(70);
  }

  private String submit(String key, String body) {
    var accepted = api().submit(key, "ark-" + System.nanoTime(), body);
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
    return accepted.json().path("id").asString();
  }

  private String upstreamId(String id) {
    return jdbc.sql("SELECT upstream_id FROM tasks WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  /** The upstream's storage: every .mp4 is a real rendered clip, every .png a real frame. */
}
