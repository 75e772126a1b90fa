package seedance;

import java.time.InstantSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Seedance video API server: HTTP API, operator API and (later) workers in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SeedanceApplication {

  public static void main(String[] args) {
    SpringApplication.run(SeedanceApplication.class, args);
  }

  /** All time goes through this, so tests can move the clock instead of sleeping. */
  @Bean
  InstantSource clock() {
    return InstantSource.system();
  }
}
