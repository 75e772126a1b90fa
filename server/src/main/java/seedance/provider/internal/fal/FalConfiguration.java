package seedance.provider.internal.fal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import seedance.provider.Callbacks;
import seedance.provider.VideoProvider;

/** fal when SEEDANCE_FAL_KEY is set; SEEDANCE_FAL_BASE_URL defaults to fal's queue host. */
@Configuration(proxyBeanMethods = false)
class FalConfiguration {

  @Bean
  @ConditionalOnExpression("!'${seedance.fal.key:}'.isBlank()")
  VideoProvider falProvider(Environment env, Callbacks callbacks) {
    var settings = FalSettings.withDefaults(env.getRequiredProperty("seedance.fal.key"));
    String base = env.getProperty("seedance.fal.base-url");
    if (base != null && !base.isBlank()) {
      settings = settings.withQueueUrl(URI.create(base));
    }
    return new FalProvider(
        settings.withRequestTimeout(
            env.getProperty("seedance.fal.read-timeout", Duration.class, Duration.ofSeconds(60))),
        callbacks);
  }
}
