package seedance.docs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import seedance.testing.ApiTest;

/** With SEEDANCE_PUBLIC_URL set, every absolute URL in the docs starts with it. */
@TestPropertySource(properties = "seedance.public-url=https://videos.example.com/")
class DocsPublicUrlTest extends ApiTest {

  private static final String BASE = "https://videos.example.com";

  @Test
  void everyDocumentUsesThePublicUrl() {
    for (String path :
        new String[] {
          "/llms.txt",
          "/llms-full.txt",
          "/downloads/seedance-skill.md",
          "/developers.md",
          "/openapi.json"
        }) {
      String text = api().send("GET", path, Map.of(), null).text();
      assertThat(text).as(path).contains(BASE).doesNotContain("127.0.0.1");
    }
    assertThat(api().send("GET", "/llms.txt", Map.of(), null).text())
        .contains("](" + BASE + "/llms-full.txt)");
    assertThat(
            api()
                .send("GET", "/openapi.json", Map.of(), null)
                .json()
                .at("/servers/0/url")
                .asString())
        .isEqualTo(BASE);
  }
}
