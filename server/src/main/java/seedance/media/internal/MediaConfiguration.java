package seedance.media.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import seedance.media.FetchLimits;
import seedance.media.SafeFetcher;

@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

  /** The system resolver, the JVM's trusted CAs, and the documented size and time limits. */
  @Bean
  SafeFetcher safeFetcher() {
    return SafeFetcher.withSystemDefaults(FetchLimits.defaults());
  }
}
