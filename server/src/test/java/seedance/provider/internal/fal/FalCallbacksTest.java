package seedance.provider.internal.fal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
 * fal's {@code fal_webhook} as a hint: with SEEDANCE_PUBLIC_URL set, fal posts to us once a request
 * is done (OK or ERROR, never at the start), the task's next poll becomes due at once, and the
 * worker reads the outcome from fal's status and result URLs, never from the webhook's body. The
 * safety-net poll is 30 s here, so a task that ends within seconds shows that the webhook, not
 * polling, ended it. Duplicate and late webhooks change nothing; a wrong token is a 404.
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
      "seedance.test-hooks.host-map[v3b.fal.media]=127.0.0.2",
      "seedance.fal.key=" + FalFakeServer.KEY
    })
class FalCallbacksTest extends ApiTest {

  private static final FalFakeServer FAL = start();
  private static final MediaTestServer OUTPUTS = UpstreamOutputs.start(false);

  @Autowired Reconciliation reconciliation;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void upstream(DynamicPropertyRegistry registry) {
    registry.add("seedance.fal.base-url", () -> FAL.url().toString());
    OUTPUTS.routeFetchesHere(registry);
  }

  @BeforeEach
  void routeWebhooksHere() {
    FAL.finishAfter(Duration.ofSeconds(2));
    // Two copies at the end and one more a second later: duplicates and a late one.
    FAL.webhooks("http://127.0.0.1:" + port, 2, Duration.ofSeconds(1));
  }

  @AfterEach
  void resetOutcomes() {
    FAL.contentPolicyOnResult = false;
    FAL.statusError = null;
  }

  @AfterAll
  static void stop() throws Exception {
    FAL.close();
    OUTPUTS.close();
  }

  @Test
  void theWebhookEndsTheTaskWithOneStatusReadAndDuplicatesAndALateOneChangeNothing() {
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "{\"prompt\":\"a fal lighthouse at dusk\"}");

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(25));

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    var filed = FAL.filedForTask(id);
    assertThat(filed).hasSize(1);
    var request = filed.getFirst();
    long completedAt =
        jdbc.sql("SELECT updated_at FROM tasks WHERE id = ?").param(id).query(Long.class).single();
    // Polling alone would first read fal 30 s after the submit.
    assertThat(completedAt - request.endsAt).isBetween(0L, 15_000L);
    assertThat(request.statusCalls.get()).isBetween(1, 2);
    awaitAllWebhooks(request);
    var again = api().get(customer.key(), "/api/v1/tasks/" + id).json();
    assertThat(again.path("status").asString()).isEqualTo("completed");
    assertThat(request.statusCalls.get()).as("reads after the end").isBetween(1, 2);
    assertThat(FAL.filedForTask(id)).hasSize(1);
    assertThat(api().balance(customer.key())).isEqualTo(70);
    assertThat(reconciliation.check()).isEmpty();
  }

  @Test
  void aContentPolicyErrorReportedThroughTheWebhookIsReadFromFalAndRefundedOnce() {
    FAL.contentPolicyOnResult = true;
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "{\"prompt\":\"a fal refused scene\"}");

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(25));

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("failed");
    assertThat(task.path("error").path("code").asString()).isEqualTo("content_rejected");
    var request = FAL.filedForTask(id).getFirst();
    assertThat(request.resultCalls.get()).as("the outcome read from fal").isPositive();
    awaitAllWebhooks(request);
    assertThat(FAL.filedForTask(id)).hasSize(1);
    assertThat(api().balance(customer.key())).isEqualTo(100);
    assertThat(reconciliation.check()).isEmpty();
  }

  @Test
  void aRunnerFailureReportedThroughTheWebhookIsRefundedOnceAsAGenerationFailure() {
    FAL.statusError = "Runner disconnected";
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "{\"prompt\":\"a fal broken runner\"}");

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(25));

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("failed");
    assertThat(task.path("error").path("code").asString()).isEqualTo("generation_failed");
    var request = FAL.filedForTask(id).getFirst();
    assertThat(request.statusCalls.get()).isBetween(1, 2);
    awaitAllWebhooks(request);
    assertThat(api().balance(customer.key())).isEqualTo(100);
    assertThat(reconciliation.check()).isEmpty();
  }

  @Test
  void aWebhookWithoutTheRightTokenIsANotFoundEnvelopeAndPokesNothing() throws Exception {
    // Long enough that fal's own webhook cannot come while the forged ones are checked.
    FAL.finishAfter(Duration.ofSeconds(6));
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "{\"prompt\":\"a fal paper boat\"}");
    await(() -> nextPoll(id) != null, "the request filed with fal");
    Long due = nextPoll(id);
    var request = FAL.filedForTask(id).getFirst();
    // The right token, presented for another upstream or another task, is as wrong as none.
    String token = request.webhook.substring(request.webhook.indexOf("?token="));
    String other = submit(customer.key(), "{\"prompt\":\"a fal second boat\"}");
    var client = HttpClient.newHttpClient();
    String body = "{\"request_id\":\"x\",\"status\":\"OK\",\"payload\":{}}";
    for (String path :
        new String[] {
          "/fal/" + id + "?token=0123abcd",
          "/fal/" + id,
          "/ark/" + id + token,
          "/fal/" + other + token
        }) {
      var response =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/v1/callbacks" + path))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).contains("\"code\":\"not_found\"");
    }
    assertThat(nextPoll(id)).as("the next poll, still the 30 s safety net").isEqualTo(due);
    // Waited for at fal's side: six seconds of task reads would run into the user's rate limit.
    awaitAllWebhooks(request);

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(25));

    assertThat(task.path("status").asString()).isEqualTo("completed");
  }

  /** When the worker next reads fal for this task; null until it is submitted and waiting. */
  private Long nextPoll(String id) {
    return jdbc.sql(
            "SELECT run_at FROM tasks WHERE id = ? AND upstream_id IS NOT NULL"
                + " AND lease_until IS NULL")
        .param(id)
        .query(Long.class)
        .optional()
        .orElse(null);
  }

  /** The two copies and the late one were posted and answered, so later reads see their effect. */
  private static void awaitAllWebhooks(FalFakeRequest request) {
    await(() -> request.webhooks.get() >= 3 && FAL.webhooksAnswered(), "three webhooks answered");
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 15 s: " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private String submit(String key, String body) {
    var accepted = api().submit(key, "fal-cb-" + System.nanoTime(), body);
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
