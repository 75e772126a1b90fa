package seedance.admin.internal;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server's metrics in Prometheus's text format, for the operator: upstream polls, ambiguous
 * resubmits, cool-downs, and the JVM's and HTTP server's own. Behind the admin token like the rest
 * of the operator API, rather than on {@code /actuator}, which answers anyone.
 */
@RestController
class MetricsController {

  private static final MediaType PROMETHEUS_TEXT =
      MediaType.parseMediaType("text/plain; version=0.0.4; charset=utf-8");

  private final PrometheusMeterRegistry registry;

  MetricsController(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @GetMapping("/admin/v1/metrics")
  ResponseEntity<String> scrape() {
    return ResponseEntity.ok().contentType(PROMETHEUS_TEXT).body(registry.scrape());
  }
}
