package seedance.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import seedance.testing.ApiTest;

/** The operator reads the server's metrics with the admin token; nobody else can. */
class MetricsEndpointTest extends ApiTest {

  @Test
  void theOperatorScrapesPrometheusTextWithTheUpstreamCounters() {
    var scrape = api().admin("GET", "/admin/v1/metrics", null);

    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.header("Content-Type")).startsWith("text/plain");
    assertThat(scrape.text())
        .contains("seedance_upstream_polls_total")
        .contains("seedance_upstream_ambiguous_resubmits_total")
        .contains("seedance_upstream_resting")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void withoutTheAdminTokenTheMetricsAreAnUnauthorizedEnvelope() {
    var customer = api().newCustomer(0);
    for (var headers :
        java.util.List.of(
            Map.<String, String>of(), Map.of("Authorization", "Bearer " + customer.key()))) {
      var refused = api().send("GET", "/admin/v1/metrics", headers, null);

      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.json().path("error").path("code").asString()).isEqualTo("unauthorized");
      assertThat(refused.text()).doesNotContain("seedance_upstream");
    }
    // Nor through the actuator, which only shows health.
    var actuator = api().send("GET", "/actuator/prometheus", Map.of(), null);
    assertThat(actuator.status()).isEqualTo(404);
    assertThat(actuator.text()).doesNotContain("seedance_upstream");
  }
}
