package seedance.provider.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import seedance.provider.RoutingException;

/** Start-up stopped by the routing table shows its one-line reason instead of a stack trace. */
public class RoutingFailureAnalyzer extends AbstractFailureAnalyzer<RoutingException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, RoutingException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Fix the routing file (SEEDANCE_ROUTING_FILE) or configure the provider it names;"
            + " the README's Upstreams section has a complete example.",
        cause);
  }
}
