package seedance.provider.internal.ark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import seedance.testing.UpstreamOutputs;

/**
 * The routing table against the fake Ark: a route's model id is what Ark is asked for, a tier and
 * channel no route serves is refused at submit with 503 service_busy (nothing charged, no task, no
 * idempotency key kept), and so is every submit while the only provider rests after refusing our
 * account.
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
class ArkRoutingTest extends ApiTest {

  static final String PRO_MODEL = "dreamina-seedance-2-0-260128";
  static final String FAST_MODEL = "dreamina-seedance-2-0-fast-260128";

  private static final ArkFakeServer ARK = UpstreamFixtures.ark();
  private static final MediaTestServer OUTPUTS = UpstreamOutputs.start(true);

  @Autowired JdbcClient jdbc;
  @Autowired Reconciliation reconciliation;

  @DynamicPropertySource
  static void upstream(DynamicPropertyRegistry registry) {
    UpstreamFixtures.register(registry, ARK, OUTPUTS);
    registry.add("seedance.routing.file", ArkRoutingTest::routes);
  }

  /** Standard quality on the full model (an operator's choice), the wild channel on Fast. */
  private static String routes() {
    try {
      Path file = Files.createTempFile("routes", ".yaml");
      Files.writeString(
          file,
          """
          routes:
            standard:
              standard:
                - provider: ark
                  model: %s
              wild:
                - provider: ark
                  model: %s
          """
              .formatted(PRO_MODEL, FAST_MODEL));
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
  void arkIsAskedForTheRoutesModelAndForASeedOnlyWhenTheUserGaveOne() {
    var customer = api().newCustomer(100);
    String plain = submit(customer.key(), "route-plain", "{\"prompt\":\"a red kite\"}");
    var task = UpstreamFixtures.awaitEnd(jdbc, api(), customer.key(), plain);

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    assertThat(ARK.createBodyFor(plain).path("model").asString()).isEqualTo(PRO_MODEL);
    assertThat(ARK.createBodyFor(plain).has("seed")).isFalse();

    String seeded =
        submit(
            customer.key(),
            "route-seeded",
            "{\"prompt\":\"a red kite\",\"channel\":\"wild\",\"seed\":4242}");
    task = UpstreamFixtures.awaitEnd(jdbc, api(), customer.key(), seeded);

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    assertThat(ARK.createBodyFor(seeded).path("model").asString()).isEqualTo(FAST_MODEL);
    assertThat(ARK.createBodyFor(seeded).path("seed").asLong()).isEqualTo(4242);
  }

  @Test
  void aTierAndChannelNoRouteServesIsBusyAndLeavesNothingBehind() {
    var customer = api().newCustomer(100);
    int createsBefore = ARK.creates();

    // With an upstream configured, the real channel needs a reseller model the operator names.
    var refused =
        api()
            .submit(
                customer.key(),
                "route-none",
                "{\"prompt\":\"a portrait\",\"quality_tier\":\"pro\",\"channel\":\"real\"}");

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.errorCode()).isEqualTo("service_busy");
    assertThat(refused.errorMessage()).contains("nothing was charged");
    assertThat(refused.header("Retry-After")).isNotBlank();
    assertThat(api().balance(customer.key())).isEqualTo(100);
    assertThat(taskCount(customer.accountId())).isZero();
    assertThat(ARK.creates()).isEqualTo(createsBefore);
    // The key was not kept: the same key with another body is a new request, not a conflict.
    var accepted = api().submit(customer.key(), "route-none", "{\"prompt\":\"a portrait\"}");
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
    assertThat(api().balance(customer.key())).isEqualTo(70);
    UpstreamFixtures.awaitEnd(jdbc, api(), customer.key(), accepted.json().path("id").asString());
    assertThat(reconciliation.check()).isEmpty();
  }

  @Test
  void afterArkRefusesOurAccountItRestsAndSubmitsAreBusyUntilTheCoolDownEnds() {
    var customer = api().newCustomer(100);
    ARK.answerNextCreate(403, "AccountOverdueError");
    String first = submit(customer.key(), "rest-1", "{\"prompt\":\"a lighthouse\"}");
    var failed = UpstreamFixtures.awaitEnd(jdbc, api(), customer.key(), first);
    assertThat(failed.path("error").path("code").asString()).isEqualTo("upstream_unavailable");
    assertThat(api().balance(customer.key())).isEqualTo(100);
    int createsBefore = ARK.creates();

    for (String channel : new String[] {"standard", "wild"}) {
      var busy =
          api()
              .submit(
                  customer.key(),
                  "rest-" + channel,
                  "{\"prompt\":\"a lighthouse\",\"channel\":\"" + channel + "\"}");
      assertThat(busy.status()).as(busy.text()).isEqualTo(503);
      assertThat(busy.errorCode()).isEqualTo("service_busy");
      assertThat(Long.parseLong(busy.header("Retry-After"))).isBetween(1L, 300L);
    }
    assertThat(api().balance(customer.key())).isEqualTo(100);
    assertThat(taskCount(customer.accountId())).isEqualTo(1);
    assertThat(ARK.creates()).isEqualTo(createsBefore);

    clock.advance(Duration.ofMinutes(5).plusSeconds(1));

    String later = submit(customer.key(), "rest-standard", "{\"prompt\":\"a lighthouse\"}");
    var task = UpstreamFixtures.awaitEnd(jdbc, api(), customer.key(), later);
    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    assertThat(api().balance(customer.key())).isEqualTo(70);
  }

  private String submit(String key, String idempotencyKey, String body) {
    var response = api().submit(key, idempotencyKey, body);
    assertThat(response.status()).as(response.text()).isEqualTo(202);
    return response.json().path("id").asString();
  }

  private long taskCount(String accountId) {
    return jdbc.sql("SELECT COUNT(*) FROM tasks WHERE account_id = ?")
        .param(accountId)
        .query(Long.class)
        .single();
  }
}
