package seedance.provider.internal.ark;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * Our limits on an upstream, through the real server against the fake Ark: the in-flight cap
 * (SEEDANCE_ARK_MAX_IN_FLIGHT) keeps Ark below it while every task is still accepted at once and
 * completes, paid once; and a throttled Ark rests as long as its Retry-After asks rather than the
 * configured 30 s, counted in the cool-down metric.
 */
// Closed after the class, so its worker never reaches a later class's fake on a reused port.
@DirtiesContext
@TestPropertySource(
    properties = {
      "seedance.worker.enabled=true",
      "seedance.worker.poll-interval=100ms",
      "seedance.worker.poll-initial=100ms",
      "seedance.worker.poll-max=400ms",
      "seedance.worker.retry-base=100ms",
      "seedance.test-hooks.enabled=true",
      "server.address=127.0.0.1",
      "seedance.test-hooks.allowed-ranges=127.0.0.2/32",
      "seedance.test-hooks.host-map[tos.example]=127.0.0.2",
      "seedance.ark.api-key=" + ArkFakeServer.KEY,
      "seedance.ark.read-timeout=2s",
      "seedance.ark.max-in-flight=2",
      // The default, spelled out: the Retry-After below must be what ends the rest.
      "seedance.routing.throttle-cool-down=30s"
    })
class ArkUpstreamLimitsTest extends ApiTest {

  private static final ArkFakeServer ARK = UpstreamFixtures.ark();
  private static final MediaTestServer OUTPUTS = UpstreamOutputs.start(true);

  @Autowired JdbcClient jdbc;
  @Autowired Reconciliation reconciliation;
  @Autowired MeterRegistry metrics;

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
  void atACapOfTwoArkNeverHoldsMoreThanTwoYetEveryTaskIsAcceptedAtOnceAndCompletesPaidOnce() {
    // Each generation takes 3 s at Ark, so five tasks at once would overlap if nothing held them.
    ARK.finishAfter(Duration.ofSeconds(3));
    try {
      var customer = api().newCustomer(1000);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        var accepted =
            api().submit(customer.key(), "cap-" + i, "{\"prompt\":\"lantern number " + i + "\"}");
        // Our own cap never refuses the user: the task is accepted and charged, and waits.
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        ids.add(accepted.json().path("id").asString());
      }
      assertThat(api().balance(customer.key())).isEqualTo(1000 - 5 * 30);

      for (String id : ids) {
        var task = UpstreamFixtures.awaitEnd(jdbc, api(), customer.key(), id);
        assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
        assertThat(ARK.tasksFor(id)).as("upstream tasks for %s", id).isEqualTo(1);
      }
      // At most two at once, and two were reached: the cap, not chance, kept the rest waiting.
      assertThat(ARK.maxUnfinished()).isEqualTo(2);
      assertThat(api().balance(customer.key())).isEqualTo(1000 - 5 * 30);
      assertThat(reconciliation.check()).isEmpty();
    } finally {
      ARK.finishAfter(null);
    }
  }

  @Test
  void aThrottledArkRestsOnlyAsLongAsItsRetryAfterAsksAndTheCoolDownIsCounted() {
    double coolDownsBefore = coolDowns();
    ARK.storm(1, 429, "2", "RateLimitExceeded.EndpointRPMExceeded");
    var customer = api().newCustomer(100);
    long start = System.nanoTime();

    var accepted = api().submit(customer.key(), "throttled", "{\"prompt\":\"a harbour crane\"}");
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
    String id = accepted.json().path("id").asString();
    var task = UpstreamFixtures.awaitEnd(jdbc, api(), customer.key(), id);

    assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("completed");
    // Resting the configured 30 s would hold the only provider of the route past this.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    assertThat(ARK.tasksFor(id)).isEqualTo(1);
    assertThat(api().balance(customer.key())).isEqualTo(70);
    assertThat(coolDowns() - coolDownsBefore).isEqualTo(1);
  }

  private double coolDowns() {
    Counter counter =
        metrics
            .find("seedance.upstream.cool_downs")
            .tags("provider", "ark", "kind", "throttled")
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
