package seedance.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The providers configured in this process and the route of each quality tier. A route that names a
 * provider that is not configured stops start-up with a line saying which.
 */
@Service
public class Providers {

  private static final List<String> UPSTREAM_ORDER = List.of("ark", "fal", "replicate");
  private static final String LOCAL = "local";

  private final Map<String, VideoProvider> byName = new LinkedHashMap<>();
  private final Map<String, List<VideoProvider>> routes = new LinkedHashMap<>();
  private final List<VideoProvider> defaultRoute;

  public Providers(List<VideoProvider> providers, RoutingSettings routing) {
    providers.forEach(p -> byName.put(p.name(), p));
    var upstreams = UPSTREAM_ORDER.stream().filter(byName::containsKey).map(byName::get).toList();
    this.defaultRoute =
        upstreams.isEmpty() ? List.of(require(LOCAL, "the default route")) : upstreams;
    routing
        .tiers()
        .forEach(
            (tier, names) ->
                routes.put(
                    tier,
                    names.stream()
                        .map(String::strip)
                        .map(name -> require(name, "seedance.routing.tiers." + tier))
                        .toList()));
  }

  /** The providers to try for a task of {@code qualityTier}, most preferred first; never empty. */
  public List<VideoProvider> route(String qualityTier) {
    var route = routes.get(qualityTier);
    return route == null || route.isEmpty() ? defaultRoute : route;
  }

  /** The provider an earlier attempt used, to keep polling it. */
  public VideoProvider named(String name) {
    return require(name, "a task's recorded provider");
  }

  private VideoProvider require(String name, String where) {
    var provider = byName.get(name);
    if (provider == null) {
      throw new IllegalStateException(
          where
              + " names provider '"
              + name
              + "', which is not configured"
              + (UPSTREAM_ORDER.contains(name)
                  ? " (set SEEDANCE_"
                      + name.toUpperCase(java.util.Locale.ROOT)
                      + "_"
                      + (name.equals("replicate")
                          ? "TOKEN"
                          : name.equals("ark") ? "API_KEY" : "KEY")
                      + ")"
                  : ""));
    }
    return provider;
  }
}
