package seedance.web.internal;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/** Makes Tomcat's own error answers use the envelope too (see {@link JsonErrorReportValve}). */
@Component
class TomcatConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context ->
            ((org.apache.catalina.core.StandardHost) context.getParent())
                .setErrorReportValveClass(JsonErrorReportValve.class.getName()));
  }
}
