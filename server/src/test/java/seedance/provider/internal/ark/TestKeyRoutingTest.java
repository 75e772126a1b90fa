package seedance.provider.internal.ark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
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
import seedance.testing.Ffprobe;
import seedance.testing.UpstreamOutputs;
import tools.jackson.databind.JsonNode;

/**
 * {@code sk_test_} keys on a server whose routes all go to Ark: their tasks render locally, never
 * call Ark, spend and get refunded only sandbox credits, are taken even when no upstream could, and
 * keep their Idempotency-Keys apart from the live keys'.
 */
// Closed after the class, so its worker never reaches a later class's fake on a reused port.
@DirtiesContext
@TestPropertySource(
    properties = {
      "seedance.worker.enabled=true",
      "seedance.test-hooks.enabled=true",
      "server.address=127.0.0.1",
      "seedance.test-hooks.allowed-ranges=127.0.0.2/32",
      "seedance.test-hooks.host-map[tos.example]=127.0.0.2",
      "seedance.ark.api-key=" + ArkFakeServer.KEY,
      "seedance.ark.read-timeout=2s"
    })
class TestKeyRoutingTest extends ApiTest {

  private static final String BODY = "{\"prompt\":\"a paper boat on a river\"}";
  private static final ArkFakeServer ARK = UpstreamFixtures.ark();
  private static final MediaTestServer OUTPUTS = UpstreamOutputs.start(true);

  @Autowired JdbcClient jdbc;
  @Autowired Reconciliation reconciliation;

  @DynamicPropertySource
  static void upstream(DynamicPropertyRegistry registry) {
    UpstreamFixtures.register(registry, ARK, OUTPUTS);
  }

  @AfterAll
  static void stop() throws Exception {
    ARK.close();
    OUTPUTS.close();
  }

  @Test
  void theKeyEndpointsMakeATestKeyThatSeesItsSandboxBalance() {
    var customer = api().newCustomer(100);
    var created =
        api()
            .admin(
                "POST",
                "/admin/v1/accounts/" + customer.accountId() + "/keys",
                "{\"name\":\"ci\",\"mode\":\"test\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("mode").asString()).isEqualTo("test");
    assertThat(created.json().path("key").asString()).startsWith("sk_test_");
    assertThat(created.json().path("prefix").asString()).startsWith("sk_test_");
    var listed = api().admin("GET", "/admin/v1/accounts/" + customer.accountId() + "/keys", null);
    assertThat(listed.json().path("data").values())
        .extracting(k -> k.path("mode").asString())
        .containsExactlyInAnyOrder("live", "test");
    String testKey = created.json().path("key").asString();
    var sandbox = api().get(testKey, "/api/v1/account").json();
    assertThat(sandbox.path("id").asString()).isEqualTo(customer.accountId());
    assertThat(sandbox.path("book").asString()).isEqualTo("sandbox");
    assertThat(sandbox.path("balance").asLong()).isEqualTo(1000);
    var live = api().get(customer.key(), "/api/v1/account").json();
    assertThat(live.path("book").asString()).isEqualTo("live");
    assertThat(live.path("balance").asLong()).isEqualTo(100);

    var revoked =
        api().admin("DELETE", "/admin/v1/keys/" + created.json().path("id").asString(), null);
    assertThat(revoked.status()).isEqualTo(204);
    assertThat(api().get(testKey, "/api/v1/account").status()).isEqualTo(401);
  }

  @Test
  void aTestKeyTaskRendersLocallyAndSpendsOnlySandboxCredits() {
    var customer = api().newCustomer(100);
    String testKey = testKey(customer.accountId());
    var task = run(testKey, "tk-local", BODY, Map.of());

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    assertThat(provider(task)).isEqualTo("local");
    assertThat(ARK.createBodyFor(task.path("id").asString())).isNull();
    assertThat(Ffprobe.probe(download(testKey, task))).isNotNull();
    assertThat(api().balance(testKey)).isEqualTo(970);
    assertThat(api().balance(customer.key())).isEqualTo(100);

    // And the other way round: a live task goes to Ark and never touches the sandbox.
    var liveTask = run(customer.key(), "tk-live", BODY, Map.of());
    assertThat(liveTask.path("status").asString()).as(liveTask.toString()).isEqualTo("completed");
    assertThat(provider(liveTask)).isEqualTo("ark");
    assertThat(ARK.createBodyFor(liveTask.path("id").asString())).isNotNull();
    assertThat(api().balance(customer.key())).isEqualTo(70);
    assertThat(api().balance(testKey)).isEqualTo(970);
    assertThat(reconciliation.check()).isEmpty();
  }

  @Test
  void failedTasksAreRefundedIntoTheBookTheyWerePaidFrom() {
    var customer = api().newCustomer(100);
    String testKey = testKey(customer.accountId());

    var sandboxTask = run(testKey, "tk-fail", BODY, Map.of("X-Sandbox-Outcome", "failed"));
    assertThat(sandboxTask.path("status").asString()).isEqualTo("failed");
    assertThat(sandboxTask.path("credits_refunded").asLong()).isEqualTo(30);
    assertThat(api().balance(testKey)).isEqualTo(1000);
    assertThat(api().balance(customer.key())).isEqualTo(100);

    ARK.failTasksWith("OutputVideoSensitiveContentDetected");
    try {
      var liveTask = run(customer.key(), "tk-live-fail", BODY, Map.of());
      assertThat(liveTask.path("status").asString()).isEqualTo("failed");
      assertThat(liveTask.path("credits_refunded").asLong()).isEqualTo(30);
    } finally {
      ARK.failTasksWith(null);
    }
    assertThat(api().balance(customer.key())).isEqualTo(100);
    assertThat(api().balance(testKey)).isEqualTo(1000);
    assertThat(reconciliation.check()).isEmpty();
  }

  @Test
  void testKeysAreServedWhenNoUpstreamCouldTakeTheTask() {
    var customer = api().newCustomer(100);
    String testKey = testKey(customer.accountId());
    try {
      ARK.answerNextCreate(401, "AuthenticationError");
      var refusedUpstream = run(customer.key(), "tk-401", BODY, Map.of());
      assertThat(refusedUpstream.path("error").path("code").asString())
          .isEqualTo("upstream_unavailable");

      // Ark now rests, and no route serves the wild channel: live keys are refused ...
      assertThat(api().submit(customer.key(), "tk-busy", BODY).errorCode())
          .isEqualTo("service_busy");
      String wild = "{\"prompt\":\"a paper boat on a river\",\"channel\":\"wild\"}";
      assertThat(api().submit(customer.key(), "tk-wild", wild).errorCode())
          .isEqualTo("service_busy");
      // ... and test keys still get their local renders.
      for (String body : new String[] {BODY, wild}) {
        var task = run(testKey, "tk-" + body.length(), body, Map.of());
        assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
        assertThat(provider(task)).isEqualTo("local");
        assertThat(ARK.createBodyFor(task.path("id").asString())).isNull();
      }
      assertThat(api().balance(customer.key())).isEqualTo(100);
      assertThat(api().balance(testKey)).isEqualTo(1000 - 30 - 38);
    } finally {
      // Ark's rest after the 401 ends, for the other tests of this server.
      clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    }
  }

  @Test
  void testAndLiveKeysKeepTheirIdempotencyKeysApart() {
    var customer = api().newCustomer(100);
    String testKey = testKey(customer.accountId());

    var rehearsal = api().submit(testKey, "order-17", BODY);
    var real = api().submit(customer.key(), "order-17", BODY);
    var replay = api().submit(customer.key(), "order-17", BODY);

    assertThat(rehearsal.status()).isEqualTo(202);
    assertThat(real.status()).isEqualTo(202);
    assertThat(real.header("Idempotent-Replayed")).isNull();
    assertThat(real.json().path("id").asString())
        .isNotEqualTo(rehearsal.json().path("id").asString());
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.json().path("id").asString()).isEqualTo(real.json().path("id").asString());
    assertThat(api().balance(customer.key())).isEqualTo(70);
    assertThat(api().balance(testKey)).isEqualTo(970);
    for (var accepted : new seedance.testing.Api.Response[] {rehearsal, real}) {
      String id = accepted.json().path("id").asString();
      UpstreamFixtures.awaitEnd(jdbc, api(), customer.key(), id);
    }
  }

  private JsonNode run(String key, String idempotencyKey, String body, Map<String, String> extra) {
    var headers =
        new java.util.HashMap<>(
            Map.of(
                "Authorization",
                "Bearer " + key,
                "Content-Type",
                "application/json",
                "Idempotency-Key",
                idempotencyKey));
    headers.putAll(extra);
    var accepted = api().send("POST", "/api/v1/video/seedance2", headers, body);
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
    String id = accepted.json().path("id").asString();
    return UpstreamFixtures.awaitEnd(jdbc, api(), key, id);
  }

  private String provider(JsonNode task) {
    return jdbc.sql("SELECT provider FROM tasks WHERE id = ?")
        .param(task.path("id").asString())
        .query(String.class)
        .single();
  }

  private java.nio.file.Path download(String key, JsonNode task) {
    try {
      var client = java.net.http.HttpClient.newHttpClient();
      var file = java.nio.file.Files.createTempFile("test-key", ".mp4");
      var response =
          client.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(task.path("output").path("video_url").asString()))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofFile(file));
      assertThat(response.statusCode()).isEqualTo(200);
      return file;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String testKey(String accountId) {
    var r =
        api()
            .admin(
                "POST",
                "/admin/v1/accounts/" + accountId + "/keys",
                "{\"name\":\"sandbox\",\"mode\":\"test\"}");
    assertThat(r.status()).isEqualTo(201);
    return r.json().path("key").asString();
  }
}
