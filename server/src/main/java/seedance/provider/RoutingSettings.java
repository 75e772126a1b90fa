package seedance.provider;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which providers serve each quality tier, in order of preference: {@code tiers.pro=ark,fal} (env
 * SEEDANCE_ROUTING_TIERS_PRO=ark,fal). A tier without a route uses every configured upstream in the
 * order ark, fal, replicate, or the local renderer when none is configured. "local" may be named in
 * a route.
 */
@ConfigurationProperties("seedance.routing")
public record RoutingSettings(@DefaultValue Map<String, List<String>> tiers) {}
