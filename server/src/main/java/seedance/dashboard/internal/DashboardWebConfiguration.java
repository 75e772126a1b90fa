package seedance.dashboard.internal;

import java.util.ArrayList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestDataValueProcessor;
import seedance.dashboard.PagePaths;

@Configuration(proxyBeanMethods = false)
class DashboardWebConfiguration implements WebMvcConfigurer {

  private final PageInterceptor pages;

  DashboardWebConfiguration(PageInterceptor pages) {
    this.pages = pages;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    var paths = new ArrayList<String>();
    paths.addAll(PagePaths.PUBLIC);
    paths.addAll(PagePaths.ACCOUNT);
    paths.addAll(PagePaths.OPERATOR);
    registry
        .addInterceptor(pages)
        .addPathPatterns(paths)
        .excludePathPatterns(PagePaths.OPERATOR_API);
  }

  /** Replaces Spring's default so that only English and Turkish are ever chosen. */
  @Bean
  static LocaleResolver localeResolver() {
    return new LanguageResolver();
  }

  /** Spring's Thymeleaf integration looks this bean up by name to add hidden form fields. */
  @Bean
  static RequestDataValueProcessor requestDataValueProcessor() {
    return new CsrfFields();
  }
}
