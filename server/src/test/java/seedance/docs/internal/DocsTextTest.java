package seedance.docs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import seedance.video.SubmitContract;
import seedance.web.ErrorCode;

/** The Turkish docs say everything the English ones say, with the same placeholders. */
class DocsTextTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-zA-Z]+\\}");

  @Test
  void everyEnglishTextHasATurkishOneWithTheSamePlaceholders() throws IOException {
    Properties english = load("i18n/docs.properties");
    Properties turkish = load("i18n/docs_tr.properties");

    assertThat(turkish.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    for (String key : english.stringPropertyNames()) {
      assertThat(placeholders(turkish.getProperty(key)))
          .as(key)
          .isEqualTo(placeholders(english.getProperty(key)));
    }
  }

  @Test
  void everyFieldAndErrorCodeIsDescribed() {
    for (var locale : java.util.List.of(DocsText.ENGLISH, DocsText.TURKISH)) {
      var text = DocsText.of(locale);
      SubmitContract.FIELDS.forEach(f -> assertThat(text.has("param." + f.name())).isTrue());
      for (ErrorCode code : ErrorCode.values()) {
        assertThat(text.has("error." + code.wire())).as(code.wire()).isTrue();
      }
      ApiFacts.TASK_ERROR_CODES.forEach(c -> assertThat(text.has("taskError." + c)).isTrue());
    }
    assertThat(DocsText.of(java.util.Locale.forLanguageTag("tr-TR")).get("quickstart.title"))
        .isEqualTo("Hızlı Başlangıç");
  }

  private static java.util.List<String> placeholders(String text) {
    return PLACEHOLDER.matcher(text).results().map(m -> m.group()).sorted().toList();
  }

  private static Properties load(String path) throws IOException {
    var properties = new Properties();
    try (var in = DocsTextTest.class.getClassLoader().getResourceAsStream(path)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
