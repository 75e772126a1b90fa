package seedance.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import seedance.SeedanceApplication;

/** The real application refusing to start on a bad routing table, as an operator sees it. */
@ExtendWith(OutputCaptureExtension.class)
class RoutingStartupTest {

  @TempDir Path dir;

  @Test
  void aRouteToAnUnconfiguredProviderStopsStartUpWithOneLineAndNoStackTrace(CapturedOutput output)
      throws IOException {
    Path routes = dir.resolve("routes.yaml");
    Files.writeString(
        routes,
        """
        routes:
          pro:
            standard:
              - provider: fal
                model: bytedance/seedance-2.0
        """);

    assertThatThrownBy(() -> start(routes)).hasRootCauseInstanceOf(RoutingException.class);

    String line =
        "routing file "
            + routes
            + ": routes.pro.standard[0] names provider 'fal', which is not configured"
            + " (set SEEDANCE_FAL_KEY)";
    assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START", line);
    assertThat(output.getOut() + output.getErr()).doesNotContain("at seedance.provider.Providers");
  }

  @Test
  void aMalformedRoutingFileStopsStartUpNamingTheLine(CapturedOutput output) throws IOException {
    Path routes = dir.resolve("routes.yaml");
    Files.writeString(routes, "routes:\n  pro:\n    standard: [ {provider: ark\n");

    assertThatThrownBy(() -> start(routes)).hasRootCauseInstanceOf(RoutingException.class);

    assertThat(output.getOut() + output.getErr())
        .containsPattern("routing file .*routes.yaml: not valid YAML or JSON: .* at line \\d+");
  }

  private void start(Path routes) {
    new SpringApplicationBuilder(SeedanceApplication.class)
        .properties(
            "server.port=0",
            "seedance.data-dir=" + dir.resolve("data"),
            "seedance.worker.enabled=false",
            "seedance.routing.file=" + routes)
        .run()
        .close();
  }
}
