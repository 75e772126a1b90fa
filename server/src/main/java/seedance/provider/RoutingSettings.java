package seedance.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the routing table comes from and how long a provider rests after trouble.
 *
 * @param file a YAML (or JSON) routing table (SEEDANCE_ROUTING_FILE) whose cells replace the
 *     built-in ones; null or blank for the built-in table only
 * @param accountCoolDown how long a provider is skipped after it refused a create for our own
 *     account's problem (401/403/402/quota/model not enabled)
 * @param throttleCoolDown how long a provider is skipped after it throttled a create (429)
 */
@ConfigurationProperties("seedance.routing")
public record RoutingSettings(
    String file,
    @DefaultValue("5m") Duration accountCoolDown,
    @DefaultValue("30s") Duration throttleCoolDown) {

  /** The built-in table only, with the default cool-downs. */
  public static RoutingSettings builtIn() {
    return new RoutingSettings(null, Duration.ofMinutes(5), Duration.ofSeconds(30));
  }
}
