package seedance.apikey.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class ApiKeyWebConfiguration implements WebMvcConfigurer {

  /** Authentication runs before every other step of the public API (see the error precedence). */
  static final int ORDER = 0;

  private final ApiAuthInterceptor interceptor;

  ApiKeyWebConfiguration(ApiAuthInterceptor interceptor) {
    this.interceptor = interceptor;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(interceptor).addPathPatterns("/api/**").order(ORDER);
  }
}
