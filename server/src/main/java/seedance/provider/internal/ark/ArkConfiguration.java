package seedance.provider.internal.ark;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import seedance.provider.Callbacks;
import seedance.provider.VideoProvider;

/**
 * Ark (BytePlus ModelArk, Volcengine Ark or a relay that copies Ark) when SEEDANCE_ARK_API_KEY is
 * set: SEEDANCE_ARK_BASE_URL (default BytePlus), SEEDANCE_ARK_ALLOW_4K, SEEDANCE_ARK_READ_TIMEOUT
 * (default 60s). The model ids come from the routing table, which picks BytePlus or Volcengine ids
 * by the base URL.
 */
@Configuration(proxyBeanMethods = false)
class ArkConfiguration {

  @Bean
  @ConditionalOnExpression("!'${seedance.ark.api-key:}'.isBlank()")
  VideoProvider arkProvider(Environment env, Callbacks callbacks) {
    var defaults = ArkSettings.byteplus("unused");
    String prefix = "seedance.ark.";
    String base = env.getProperty(prefix + "base-url", "");
    return new ArkProvider(
        new ArkSettings(
            base.isBlank() ? defaults.baseUrl() : base,
            env.getRequiredProperty(prefix + "api-key"),
            defaults.modelsByTier(),
            env.getProperty(prefix + "allow-4k", Boolean.class, false),
            Duration.ofSeconds(10),
            // A create that runs past this is ambiguous (then looked up by our task id).
            env.getProperty(prefix + "read-timeout", Duration.class, Duration.ofSeconds(60))),
        callbacks);
  }
}
