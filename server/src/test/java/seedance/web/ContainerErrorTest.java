package seedance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import seedance.testing.Api;
import seedance.testing.ApiTest;

/**
 * Requests Tomcat refuses before any servlet runs still get the JSON envelope, never an HTML page.
 */
class ContainerErrorTest extends ApiTest {

  @Test
  void anEncodedSlashInThePathIsAnEnvelopedBadRequest() {
    var response = api().send("GET", "/api/v1/tasks/a%2Fb", Map.of(), null);

    assertContainerEnvelope(response);
  }

  @Test
  void oversizedHeadersAreAnEnvelopedBadRequest() {
    var response =
        api().send("GET", "/api/v1/account", Map.of("X-Padding", "a".repeat(20_000)), null);

    assertContainerEnvelope(response);
  }

  private static void assertContainerEnvelope(Api.Response response) {
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.json().path("error").path("code").asString()).isEqualTo("invalid_request");
    assertThat(response.text()).doesNotContain("<html", "Tomcat", "Exception");
  }
}
