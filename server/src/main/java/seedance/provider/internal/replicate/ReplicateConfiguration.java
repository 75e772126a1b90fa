package seedance.provider.internal.replicate;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import seedance.provider.Callbacks;
import seedance.provider.VideoProvider;

/**
 * Replicate when SEEDANCE_REPLICATE_TOKEN is set; SEEDANCE_REPLICATE_BASE_URL defaults to its API.
 */
@Configuration(proxyBeanMethods = false)
class ReplicateConfiguration {

  @Bean
  @ConditionalOnExpression("!'${seedance.replicate.token:}'.isBlank()")
  VideoProvider replicateProvider(Environment env, Callbacks callbacks) {
    var defaults = ReplicateSettings.defaults(env.getRequiredProperty("seedance.replicate.token"));
    String base = env.getProperty("seedance.replicate.base-url");
    return new ReplicateProvider(
        new ReplicateSettings(
            base == null || base.isBlank() ? defaults.baseUrl() : URI.create(base),
            defaults.token(),
            defaults.models(),
            defaults.connectTimeout(),
            env.getProperty(
                "seedance.replicate.read-timeout", Duration.class, defaults.requestTimeout())),
        callbacks);
  }
}
