package seedance.provider;

import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Chooses the provider for a task. Until the routing table exists, a configured upstream adapter
 * (the only one not named "local") takes every task, and without one everything runs on the local
 * renderer.
 */
@Service
public class Providers {

  private final VideoProvider chosen;

  Providers(List<VideoProvider> providers) {
    var upstreams = providers.stream().filter(p -> !p.name().equals("local")).toList();
    if (upstreams.size() > 1) {
      throw new IllegalStateException(
          "more than one upstream provider is configured; routing between them is not built yet");
    }
    this.chosen =
        upstreams.isEmpty()
            ? providers.stream().filter(p -> p.name().equals("local")).findFirst().orElseThrow()
            : upstreams.get(0);
  }

  public VideoProvider forTask(String taskId) {
    return chosen;
  }
}
