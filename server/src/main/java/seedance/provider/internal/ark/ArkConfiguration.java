package seedance.provider.internal.ark;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import seedance.provider.Callbacks;
import seedance.provider.VideoProvider;

/**
 * Ark (BytePlus ModelArk or Volcengine Ark) when SEEDANCE_ARK_API_KEY is set: SEEDANCE_ARK_BASE_URL
 * (default BytePlus), SEEDANCE_ARK_MODEL_PRO / _STANDARD / _MINI (defaults: BytePlus model ids) and
 * SEEDANCE_ARK_ALLOW_4K, SEEDANCE_ARK_READ_TIMEOUT (default 60s).
 */
@Configuration(proxyBeanMethods = false)
class ArkConfiguration {

  @Bean
  @ConditionalOnExpression("!'${seedance.ark.api-key:}'.isBlank()")
  VideoProvider arkProvider(Environment env, Callbacks callbacks) {
    var defaults = ArkSettings.byteplus("unused");
    String prefix = "seedance.ark.";
    var models =
        Map.of(
            "pro", env.getProperty(prefix + "model-pro", defaults.modelsByTier().get("pro")),
            "standard",
                env.getProperty(prefix + "model-standard", defaults.modelsByTier().get("standard")),
            "mini", env.getProperty(prefix + "model-mini", defaults.modelsByTier().get("mini")));
    return new ArkProvider(
        new ArkSettings(
            env.getProperty(prefix + "base-url", defaults.baseUrl()),
            env.getRequiredProperty(prefix + "api-key"),
            models,
            env.getProperty(prefix + "allow-4k", Boolean.class, false),
            Duration.ofSeconds(10),
            // A create that runs past this is ambiguous (then looked up by our task id).
            env.getProperty(prefix + "read-timeout", Duration.class, Duration.ofSeconds(60))),
        callbacks);
  }
}
