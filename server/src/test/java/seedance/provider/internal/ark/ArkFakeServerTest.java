package seedance.provider.internal.ark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fake refuses what Ark documents as refused, so tests passing against it mean something. */
class ArkFakeServerTest {

  private static final String TEXT = "{\"type\":\"text\",\"text\":\"a fox\"}";
  private static final String FIRST =
      "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/a.png\"},\"role\":\"first_frame\"}";
  private static final String REFERENCE =
      "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/b.png\"},"
          + "\"role\":\"reference_image\"}";

  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();
  private ArkFakeServer ark;

  @BeforeEach
  void start() throws IOException {
    ark = new ArkFakeServer();
  }

  @AfterEach
  void stop() {
    ark.close();
  }

  @Test
  void mixingFirstFrameWithReferencesIsRefused() throws Exception {
    JsonNode answer = create(body("[" + TEXT + "," + FIRST + "," + REFERENCE + "]", ""));

    assertThat(answer.path("error").path("code").asString())
        .isEqualTo("InvalidParameter.TaskTypeConstraint");
  }

  @Test
  void cameraFixedIsRefusedOnSeedanceTwo() throws Exception {
    JsonNode answer = create(body("[" + TEXT + "]", ",\"camera_fixed\":true"));

    assertThat(answer.path("error").path("code").asString()).isEqualTo("InvalidParameter");
  }

  @Test
  void fastModelRefusesTenEightyP() throws Exception {
    String body =
        body("[" + TEXT + "]", ",\"resolution\":\"1080p\"")
            .replace("seedance-2-0-260128", "seedance-2-0-fast-260128");

    assertThat(create(body).path("error").path("code").asString())
        .isEqualTo("InvalidParameter.Resolution");
  }

  @Test
  void validBodyIsStoredAndListedByStatus() throws Exception {
    String id = create(body("[" + TEXT + "," + FIRST + "]", "")).path("id").asString();

    JsonNode queued = get("?filter.status=queued&page_size=10");
    JsonNode running = get("?filter.status=running");

    assertThat(queued.path("total").asInt()).isEqualTo(1);
    assertThat(queued.path("items").get(0).path("id").asString()).isEqualTo(id);
    assertThat(running.path("total").asInt()).isZero();
  }

  private static String body(String content, String extra) {
    return "{\"model\":\"dreamina-seedance-2-0-260128\",\"content\":" + content + extra + "}";
  }

  private JsonNode create(String body) throws Exception {
    return call(
        HttpRequest.newBuilder(URI.create(ark.baseUrl() + "/contents/generations/tasks"))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private JsonNode get(String query) throws Exception {
    return call(
        HttpRequest.newBuilder(URI.create(ark.baseUrl() + "/contents/generations/tasks" + query))
            .GET());
  }

  private JsonNode call(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        http.send(
            request.header("Authorization", "Bearer " + ArkFakeServer.KEY).build(),
            HttpResponse.BodyHandlers.ofString());
    return json.readTree(response.body());
  }
}
