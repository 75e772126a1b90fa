package seedance.docs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;
import org.yaml.snakeyaml.Yaml;
import seedance.testing.ApiTest;
import seedance.video.SubmitContract;
import seedance.video.SubmitContract.Field;
import seedance.web.ErrorCode;

/**
 * The public docs as a user or an agent fetches them: types, languages, absolute links, no key and
 * no rate limit, and every fact of the contract present in each rendering.
 */
class DocsPagesTest extends ApiTest {

  private String base() {
    return api().base();
  }

  @Test
  void llmsTxtIsAnIndexInTheLlmsTxtFormatWithAbsoluteLinks() {
    var r = api().send("GET", "/llms.txt", Map.of(), null);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualToIgnoringCase("text/plain;charset=UTF-8");
    List<String> lines = r.text().lines().toList();
    assertThat(lines.get(0)).startsWith("# ");
    assertThat(lines).anyMatch(l -> l.startsWith("> "));
    assertThat(lines).contains("## Docs", "## Skills");
    assertThat(r.text())
        .contains("POST " + SubmitContract.PATH)
        .contains("GET " + SubmitContract.TASK_PATH)
        .contains("](" + base() + "/llms-full.txt)")
        .contains("](" + base() + "/openapi.json)")
        .contains("](" + base() + "/developers)")
        .contains("](" + base() + "/downloads/seedance-skill.md)");
    // Every link is absolute.
    var links = List.of(r.text().split("\\]\\("));
    assertThat(links.subList(1, links.size())).allMatch(s -> s.startsWith(base()));
  }

  @Test
  void llmsFullTxtIsTheWholeReferenceWithEveryFact() {
    var r = api().send("GET", "/llms-full.txt", Map.of("Accept-Language", "tr"), null);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualToIgnoringCase("text/plain;charset=UTF-8");
    assertThat(r.text()).startsWith("# Seedance 2.0 video API").contains("## Quick start");
    assertHasEveryFact(r.text());
  }

  @Test
  void theSkillHasFrontMatterAndTeachesTheWholeLoop() {
    var r = api().send("GET", "/downloads/seedance-skill.md", Map.of(), null);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualToIgnoringCase("text/markdown;charset=UTF-8");
    String text = r.text();
    assertThat(text).startsWith("---\n");
    String frontMatter = text.substring(4, text.indexOf("\n---\n", 4));
    Map<String, Object> yaml = new Yaml().load(frontMatter);
    assertThat(yaml).containsOnlyKeys("name", "description");
    assertThat(yaml.get("name")).isEqualTo("seedance");
    assertThat((String) yaml.get("description")).contains("director prompt").contains("curl");
    assertThat(text)
        .contains(base() + SubmitContract.PATH)
        .contains(base() + "/api/v1/tasks/")
        .contains("Idempotency-Key: $KEY")
        .contains("Retry-After")
        .contains("30 requests per 60 seconds")
        .contains("strictly edit the supplied source video")
        .contains("continue from the supplied previous clip")
        .contains("no watermark");
    for (Field f : SubmitContract.FIELDS) {
      assertThat(text).contains("`" + f.name() + "`");
      f.allowed().forEach(v -> assertThat(text).contains("`" + v + "`"));
    }
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(text).contains("| `" + code.wire() + "` | " + code.status() + " |");
    }
    ApiFacts.TASK_ERROR_CODES.forEach(code -> assertThat(text).contains("`" + code + "`"));
  }

  @Test
  void theDeveloperPageSpeaksTurkishByAcceptLanguageAndEnglishOtherwise() {
    var english = api().send("GET", "/developers", Map.of("Accept-Language", "en-US,en"), null);
    var turkish =
        api().send("GET", "/developers", Map.of("Accept-Language", "tr-TR,tr;q=0.9"), null);
    var switched = api().send("GET", "/developers?lang=tr", Map.of("Accept-Language", "en"), null);
    var german = api().send("GET", "/developers", Map.of("Accept-Language", "de"), null);

    assertThat(english.status()).isEqualTo(200);
    assertThat(english.header("Content-Type")).startsWith("text/html");
    assertThat(english.text()).contains("<html lang=\"en\"").contains("Quick start");
    assertThat(english.text()).contains("Copy for AI");
    assertThat(turkish.text()).contains("<html lang=\"tr\"").contains("Hızlı Başlangıç");
    assertThat(turkish.text()).contains("AI için Kopyala").contains("Parametreler");
    assertThat(turkish.header("Content-Language")).startsWith("tr");
    assertThat(switched.text()).contains("Hızlı Başlangıç");
    assertThat(german.text()).contains("Quick start");
    assertThat(english.text()).contains("href=\"/dashboard\"");
  }

  @Test
  void copyForAiCopiesExactlyTheMarkdownServedAtDevelopersMd() {
    for (String lang : List.of("en", "tr")) {
      var page = api().send("GET", "/developers?lang=" + lang, Map.of(), null);
      var markdown = api().send("GET", "/developers.md?lang=" + lang, Map.of(), null);

      assertThat(markdown.header("Content-Type"))
          .isEqualToIgnoringCase("text/markdown;charset=UTF-8");
      String html = page.text();
      int start = html.indexOf('>', html.indexOf("<textarea")) + 1;
      String copied = HtmlUtils.htmlUnescape(html.substring(start, html.indexOf("</textarea>")));
      assertThat(copied).isEqualTo(markdown.text());
      assertThat(html).contains("id=\"copy-for-ai\"");
      assertHasEveryFact(markdown.text());
    }
  }

  @Test
  void theDeveloperPageShowsEveryParameterInItsTable() {
    String html = api().send("GET", "/developers", Map.of(), null).text();

    assertThat(html).contains("<table>");
    for (Field f : SubmitContract.FIELDS) {
      assertThat(html).contains("<td><code>" + f.name() + "</code></td>");
    }
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(html).contains("<td><code>" + code.wire() + "</code></td>");
    }
  }

  @Test
  void docsNeedNoKeyAndDoNotCountAgainstTheRateLimit() {
    var customer = api().newCustomer(0);
    var withKey = Map.of("Authorization", "Bearer " + customer.key());
    IntStream.range(0, 40)
        .forEach(
            i -> {
              for (String path :
                  List.of("/llms.txt", "/openapi.json", "/downloads/seedance-skill.md")) {
                var r = api().send("GET", path, i % 2 == 0 ? Map.of() : withKey, null);
                assertThat(r.status()).as(path).isEqualTo(200);
                assertThat(r.header("RateLimit")).isNull();
              }
            });

    var account = api().get(customer.key(), "/api/v1/account");

    assertThat(account.status()).isEqualTo(200);
    assertThat(account.header("RateLimit")).startsWith("\"account\";r=29;");
  }

  /** Every parameter, default, allowed value, range, error code and limit appears in the text. */
  static void assertHasEveryFact(String text) {
    assertThat(text).contains("POST " + SubmitContract.PATH).contains("GET /api/v1/tasks/{id}");
    for (Field f : SubmitContract.FIELDS) {
      assertThat(text).as(f.name()).contains("| `" + f.name() + "` |");
      if (f.defaultValue() != null) {
        assertThat(text)
            .as(f.name() + " default")
            .contains("| `" + ReferenceMarkdown.defaultText(f) + "` |");
      }
      f.allowed().forEach(v -> assertThat(text).as(f.name()).contains("`" + v + "`"));
      if (f.max() != 0) {
        assertThat(text).as(f.name() + " range").contains(Long.toString(f.min()));
        assertThat(text).as(f.name() + " range").contains(Long.toString(f.max()));
      }
    }
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(text).contains("| `" + code.wire() + "` | " + code.status() + " |");
    }
    ApiFacts.TASK_ERROR_CODES.forEach(code -> assertThat(text).contains("`" + code + "`"));
    ApiFacts.TASK_STATUSES.forEach(status -> assertThat(text).contains("`" + status + "`"));
    assertThat(text).contains("Idempotency-Key").contains("Retry-After").contains("RateLimit");
    assertThat(text).contains("30").contains("60").contains("24");
    assertThat(text).doesNotContain("{base}").doesNotContain("{limit}").doesNotContain("docs.");
  }
}
