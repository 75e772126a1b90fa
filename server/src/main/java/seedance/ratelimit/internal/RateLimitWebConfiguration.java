package seedance.ratelimit.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class RateLimitWebConfiguration implements WebMvcConfigurer {

  private final RateLimitInterceptor interceptor;

  RateLimitWebConfiguration(RateLimitInterceptor interceptor) {
    this.interceptor = interceptor;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    // After authentication (order 0): limits are per account, so the caller must be known.
    registry.addInterceptor(interceptor).addPathPatterns("/api/**").order(10);
  }
}
