package seedance.provider.internal.ark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
 * Ark's {@code callback_url} as a hint: with SEEDANCE_PUBLIC_URL set, Ark calls us when a task
 * changes, the task's next poll becomes due at once, and the worker reads the outcome from Ark. The
 * safety-net poll is set to 30 s here, so a task that ends within seconds shows that the callback,
 * not polling, ended it. Duplicate and late callbacks change nothing; a wrong token is a 404.
 */
// Closed after the class, so its worker never reaches a later class's fake on a reused port.
@DirtiesContext
@TestPropertySource(
    properties = {
      "seedance.worker.enabled=true",
      // Each test scripts its own refusals; a provider resting after one would refuse the next.
      "seedance.routing.account-cool-down=0s",
      "seedance.routing.throttle-cool-down=0s",
      "seedance.worker.poll-interval=1s",
      "seedance.worker.poll-with-callbacks=30s",
      "seedance.public-url=http://callbacks.invalid",
      "seedance.test-hooks.enabled=true",
      "server.address=127.0.0.1",
      "seedance.test-hooks.allowed-ranges=127.0.0.2/32",
      "seedance.test-hooks.host-map[tos.example]=127.0.0.2",
      "seedance.ark.api-key=" + ArkFakeServer.KEY
    })
class ArkCallbacksTest extends ApiTest {

  private static final ArkFakeServer ARK = UpstreamFixtures.ark();
  private static final MediaTestServer OUTPUTS = UpstreamOutputs.start(true);

  @Autowired Reconciliation reconciliation;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void upstream(DynamicPropertyRegistry registry) {
    UpstreamFixtures.register(registry, ARK, OUTPUTS);
  }

  @BeforeEach
  void routeCallbacksHere() {
    ARK.finishAfter(Duration.ofSeconds(2));
    // Two copies at the end and one more a second later: duplicates and a late one.
    ARK.callbacks("http://127.0.0.1:" + port, 2, Duration.ofSeconds(1));
  }

  @AfterAll
  static void stop() throws Exception {
    ARK.close();
    OUTPUTS.close();
  }

  @Test
  void theCallbackEndsTheTaskWithinASecondWithFewPollsAndDuplicatesChangeNothing()
      throws Exception {
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "{\"prompt\":\"a lighthouse at dusk\"}");

    var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(20));

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    long completedAt =
        jdbc.sql("SELECT updated_at FROM tasks WHERE id = ?").param(id).query(Long.class).single();
    assertThat(completedAt - ARK.endsAt(id)).isBetween(0L, 2_000L);
    // The queued callback needs no poll; the first one at the end does; the 30 s poll never came.
    assertThat(ARK.gets(id)).isBetween(1, 2);
    Thread.sleep(1_500); // the late callback arrives
    var again = api().get(customer.key(), "/api/v1/tasks/" + id).json();
    assertThat(again.path("status").asString()).isEqualTo("completed");
    assertThat(ARK.tasksFor(id)).isEqualTo(1);
    assertThat(api().balance(customer.key())).isEqualTo(70);
    assertThat(reconciliation.check()).isEmpty();
  }

  @Test
  void aFailureReportedThroughTheCallbackIsReadFromArkAndRefundedOnce() throws Exception {
    ARK.failTasksWith("OutputAudioSensitiveContentDetected");
    try {
      var customer = api().newCustomer(100);
      String id = submit(customer.key(), "{\"prompt\":\"a busy street with music\"}");

      var task = Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(20));

      assertThat(task.path("status").asString()).isEqualTo("failed");
      assertThat(task.path("error").path("code").asString()).isEqualTo("content_rejected");
      Thread.sleep(1_500);
      assertThat(api().balance(customer.key())).isEqualTo(100);
      assertThat(reconciliation.check()).isEmpty();
    } finally {
      ARK.failTasksWith(null);
    }
  }

  @Test
  void aCallbackWithoutTheRightTokenIsANotFoundEnvelopeAndPokesNothing() throws Exception {
    var customer = api().newCustomer(100);
    String id = submit(customer.key(), "{\"prompt\":\"a paper boat\"}");
    var client = HttpClient.newHttpClient();
    for (String query : new String[] {"?token=0123abcd", ""}) {
      var response =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/v1/callbacks/ark/" + id + query))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"succeeded\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).contains("\"code\":\"not_found\"");
    }
    Tasks.awaitEnd(api(), customer.key(), id, Duration.ofSeconds(20));
  }

  private String submit(String key, String body) {
    var accepted = api().submit(key, "cb-" + System.nanoTime(), body);
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
    return accepted.json().path("id").asString();
  }
}
