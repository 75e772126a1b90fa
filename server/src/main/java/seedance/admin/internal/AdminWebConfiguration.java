package seedance.admin.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AdminWebConfiguration implements WebMvcConfigurer {

  private static final Logger log = LoggerFactory.getLogger(AdminWebConfiguration.class);

  private final AdminAuthInterceptor interceptor;

  AdminWebConfiguration(AdminAuthInterceptor interceptor) {
    this.interceptor = interceptor;
    if (!interceptor.enabled()) {
      log.warn("SEEDANCE_ADMIN_TOKEN is not set: the operator API (/admin/v1) is closed");
    }
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    // Only the JSON API: the operator's dashboard pages under /admin use a signed-in session.
    registry.addInterceptor(interceptor).addPathPatterns("/admin/v1/**");
  }
}
