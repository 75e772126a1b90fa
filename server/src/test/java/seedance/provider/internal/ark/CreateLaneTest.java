package seedance.provider.internal.ark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import seedance.testing.UpstreamOutputs;

/**
 * Upstream creates have a lane of their own, through the real server against the fake Ark: with one
 * render slot (SEEDANCE_WORKER_CONCURRENCY=1) and four create slots, slow creates still overlap at
 * Ark, up to four and no more; and the lane is chosen at submit, so test-key tasks and live tasks
 * on a local-only route stay in the render lane.
 */
// Closed after the class, so its worker never reaches a later class's fake on a reused port.
@DirtiesContext
@TestPropertySource(
    properties = {
      "seedance.worker.enabled=true",
      "seedance.worker.concurrency=1",
      "seedance.worker.create-concurrency=4",
      "seedance.worker.poll-interval=100ms",
      "seedance.worker.poll-initial=100ms",
      "seedance.worker.poll-max=400ms",
      "seedance.test-hooks.enabled=true",
      "server.address=127.0.0.1",
      "seedance.test-hooks.allowed-ranges=127.0.0.2/32",
      "seedance.test-hooks.host-map[tos.example]=127.0.0.2",
      "seedance.ark.api-key=" + ArkFakeServer.KEY,
      // Longer than the creates hang below: they are slow, not ambiguous.
      "seedance.ark.read-timeout=20s"
    })
class CreateLaneTest extends ApiTest {

  private static final String BODY = "{\"prompt\":\"a kite over the dunes\"}";
  private static final String LOCAL_ONLY =
      "{\"prompt\":\"a kite over the dunes\",\"quality_tier\":\"mini\",\"channel\":\"wild\"}";
  private static final ArkFakeServer ARK = UpstreamFixtures.ark();
  private static final MediaTestServer OUTPUTS = UpstreamOutputs.start(true);

  @Autowired JdbcClient jdbc;
  @Autowired Reconciliation reconciliation;

  @DynamicPropertySource
  static void upstream(DynamicPropertyRegistry registry) {
    UpstreamFixtures.register(registry, ARK, OUTPUTS);
    registry.add("seedance.routing.file", CreateLaneTest::routes);
  }

  /** The built-in routes (the standard channel on Ark) plus one cell served only locally. */
  private static String routes() {
    try {
      var file = Files.createTempFile("routes", ".yaml");
      Files.writeString(
          file,
          """
          routes:
            mini:
              wild:
                - provider: local
          """);
      return file.toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    ARK.close();
    OUTPUTS.close();
  }

  @Test
  void slowCreatesOverlapBeyondTheRenderSlotsUpToTheCreateConcurrency() {
    // Each create takes 3 s: with the one render slot doing creates they would reach Ark one by
    // one.
    ARK.hangCreates(Duration.ofSeconds(3));
    try {
      var customer = api().newCustomer(1000);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        var accepted = api().submit(customer.key(), "lane-" + i, BODY);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        ids.add(accepted.json().path("id").asString());
      }

      for (String id : ids) {
        var task = UpstreamFixtures.awaitEnd(jdbc, api(), customer.key(), id);
        assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
        assertThat(ARK.tasksFor(id)).as("upstream tasks for %s", id).isEqualTo(1);
      }
      // More than the one render slot at once, and never more than the four create slots (six
      // unlimited creates hanging 3 s each would all overlap).
      assertThat(ARK.maxCreating()).isGreaterThan(1).isLessThanOrEqualTo(4);
      assertThat(api().balance(customer.key())).isEqualTo(1000 - 6 * 30);
      assertThat(reconciliation.check()).isEmpty();
    } finally {
      ARK.hangCreates(Duration.ZERO);
    }
  }

  @Test
  void onlyLiveTasksRoutedToAnUpstreamTakeTheUpstreamLane() {
    var customer = api().newCustomer(1000);
    String testKey = testKey(customer.accountId());

    String upstream = submit(customer.key(), "lane-ark", BODY);
    String sandbox = submit(testKey, "lane-test-key", BODY);
    String localOnly = submit(customer.key(), "lane-local", LOCAL_ONLY);

    assertThat(lane(upstream)).isEqualTo("upstream");
    assertThat(lane(sandbox)).isEqualTo("render");
    assertThat(lane(localOnly)).isEqualTo("render");
    // Each lane's tasks still run where their route says.
    for (var task :
        List.of(
            new Expected(customer.key(), upstream, "ark"),
            new Expected(testKey, sandbox, "local"),
            new Expected(customer.key(), localOnly, "local"))) {
      var ended = UpstreamFixtures.awaitEnd(jdbc, api(), task.key(), task.id());
      assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("completed");
      assertThat(provider(task.id())).isEqualTo(task.provider());
    }
    assertThat(ARK.tasksFor(upstream)).isEqualTo(1);
    assertThat(ARK.tasksFor(sandbox)).isZero();
    assertThat(ARK.tasksFor(localOnly)).isZero();
    assertThat(reconciliation.check()).isEmpty();
  }

  private record Expected(String key, String id, String provider) {}

  private String submit(String key, String idempotencyKey, String body) {
    var accepted = api().submit(key, idempotencyKey, body);
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
    return accepted.json().path("id").asString();
  }

  private String lane(String taskId) {
    return jdbc.sql("SELECT lane FROM tasks WHERE id = ?")
        .param(taskId)
        .query(String.class)
        .single();
  }

  private String provider(String taskId) {
    return jdbc.sql("SELECT provider FROM tasks WHERE id = ?")
        .param(taskId)
        .query(String.class)
        .single();
  }

  private String testKey(String accountId) {
    var created =
        api()
            .admin(
                "POST",
                "/admin/v1/accounts/" + accountId + "/keys",
                "{\"name\":\"sandbox\",\"mode\":\"test\"}");
    assertThat(created.status()).isEqualTo(201);
    return created.json().path("key").asString();
  }
}
