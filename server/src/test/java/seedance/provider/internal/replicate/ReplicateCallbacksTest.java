package seedance.provider.internal.replicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
 * Replicate's {@code webhook} as a hint: with SEEDANCE_PUBLIC_URL set, the create asks for the
 * "completed" event only, the fake (in clock mode) calls it as Replicate would with the prediction
 * as its body, the task's next poll becomes due at once, and the worker reads the outcome from
 * Replicate. The safety-net poll is 30 s here, so a task that ends within seconds shows that the
 * webhook, not polling, ended it. Duplicate and late webhooks change nothing; a wrong token is a
 * 404.
 */
// Closed after the class, so its worker never reaches a later class's fake on a reused port.
@DirtiesContext
@TestPropertySource(
    properties = {
      "seedance.worker.enabled=true",
      "seedance.routing.account-cool-down=0s",
      "seedance.routing.throttle-cool-down=0s",
      "seedance.worker.poll-interval=1s",
      "seedance.worker.poll-with-callbacks=30s",
      "seedance.public-url=http://callbacks.invalid",
      "seedance.test-hooks.enabled=true",
      "server.address=127.0.0.1",
      "seedance.test-hooks.allowed-ranges=127.0.0.2/32",
      "seedance.test-hooks.host-map[replicate.delivery]=127.0.0.2",
      "seedance.replicate.token=" + ReplicateFakeServer.TOKEN
    })
class ReplicateCallbacksTest extends ApiTest {

  private static final ReplicateFakeServer REPLICATE = start();
  private static final MediaTestServer OUTPUTS = UpstreamOutputs.start(false);

  @Autowired Reconciliation reconciliation;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void upstream(DynamicPropertyRegistry registry) {
    registry.add("seedance.replicate.base-url", () -> REPLICATE.baseUrl().toString());
    OUTPUTS.routeFetchesHere(registry);
  }

  @BeforeEach
  void routeWebhooksHere() {
    REPLICATE.finishAfter(Duration.ofSeconds(2));
    // Two copies at the end and one more a second later: duplicates and a late one.
    REPLICATE.webhooks("http://127.0.0.1:" + port, 2, Duration.ofSeconds(1));
  }

  @AfterAll
  static void stop() throws Exception {
    REPLICATE.close();
    OUTPUTS.close();
  }

  @Test
  void theWebhookEndsThePredictionsTaskWithFewGetsAndDuplicatesChangeNothing() throws Exception {
    var customer = api().newCustomer(100);
    int sentBefore = REPLICATE.webhooksSent();
    String id = submit(customer.key(), "{\"prompt\":\"replicate webhook lighthouse\"}");

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(20));

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    var prediction = REPLICATE.predictionFor(id);
    long completedAt =
        jdbc.sql("SELECT updated_at FROM tasks WHERE id = ?").param(id).query(Long.class).single();
    // Well under the 30 s safety net: only the webhook can have made the poll due.
    assertThat(completedAt - prediction.endsAt().toEpochMilli()).isBetween(0L, 5_000L);
    assertThat(prediction.gets()).isBetween(1, 2);
    Thread.sleep(1_500); // the late copy arrives
    var again = api().get(customer.key(), "/api/v1/tasks/" + id).json();
    assertThat(again.path("status").asString()).isEqualTo("completed");
    // Only "completed" was asked for: two copies and the late one, no "start" delivery.
    assertThat(REPLICATE.webhooksSent() - sentBefore).isEqualTo(3);
    assertThat(prediction.gets()).isBetween(1, 2);
    assertThat(REPLICATE.predictionsWithPrompt("replicate webhook lighthouse")).isEqualTo(1);
    assertThat(api().balance(customer.key())).isEqualTo(70);
    assertThat(reconciliation.check()).isEmpty();
  }

  @Test
  void aFailureReportedByWebhookIsReadFromReplicateAndRefundedOnce() throws Exception {
    REPLICATE.finishWith("failed", "The output was flagged as sensitive content (E005)");
    try {
      var customer = api().newCustomer(100);
      String id = submit(customer.key(), "{\"prompt\":\"replicate webhook refused scene\"}");

      var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(20));

      assertThat(task.path("status").asString()).isEqualTo("failed");
      assertThat(task.path("error").path("code").asString()).isEqualTo("content_rejected");
      assertThat(REPLICATE.predictionFor(id).gets()).isBetween(1, 2);
      Thread.sleep(1_500); // the late copy arrives
      var again = api().get(customer.key(), "/api/v1/tasks/" + id).json();
      assertThat(again.path("error").path("code").asString()).isEqualTo("content_rejected");
      assertThat(api().balance(customer.key())).isEqualTo(100);
      assertThat(reconciliation.check()).isEmpty();
    } finally {
      REPLICATE.finishWith("succeeded", null);
    }
  }

  @Test
  void aWebhookWithoutTheRightTokenIsANotFoundEnvelopeAndPokesNothing() throws Exception {
    REPLICATE.finishAfter(Duration.ofSeconds(6));
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "{\"prompt\":\"replicate webhook paper boat\"}");
    var prediction = awaitPrediction(id);
    var client = HttpClient.newHttpClient();
    for (String query : new String[] {"?token=0123abcd", ""}) {
      var response =
          client.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:" + port + "/v1/callbacks/replicate/" + id + query))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"succeeded\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).contains("\"code\":\"not_found\"");
    }
    Thread.sleep(1_000);
    // Still within the prediction's run (the safety-net poll is 30 s away): no GET was made.
    if (Instant.now().isBefore(prediction.endsAt())) {
      assertThat(prediction.gets()).isZero();
    }
    // Waited out at the fake: reading the task every 200 ms for 6 s would meet our own
    // per-account rate limit (30 reads a minute).
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), prediction.endsAt()).toMillis()));
    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(20));
    assertThat(task.path("status").asString()).isEqualTo("completed");
  }

  /** The worker files the prediction shortly after the 202. */
  private static FakePrediction awaitPrediction(String taskId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        return REPLICATE.predictionFor(taskId);
      } catch (java.util.NoSuchElementException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  private String submit(String key, String body) {
    var accepted = api().submit(key, "replicate-cb-" + System.nanoTime(), body);
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
