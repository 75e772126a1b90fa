package seedance.docs.internal;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The docs' prose in one language, from {@code i18n/docs*.properties}. Read without MessageFormat
 * so Turkish apostrophes need no escaping; {@code {name}} placeholders are filled by name.
 */
final class DocsText {

  static final Locale ENGLISH = Locale.ENGLISH;
  static final Locale TURKISH = Locale.forLanguageTag("tr");

  private final ResourceBundle bundle;
  private final Locale locale;

  private DocsText(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            "i18n/docs",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** Turkish for a Turkish locale, English for every other. */
  static DocsText of(Locale locale) {
    return new DocsText(isTurkish(locale) ? TURKISH : ENGLISH);
  }

  static boolean isTurkish(Locale locale) {
    return locale != null && locale.getLanguage().equals("tr");
  }

  Locale locale() {
    return locale;
  }

  String get(String key) {
    return bundle.getString("docs." + key);
  }

  boolean has(String key) {
    return bundle.containsKey("docs." + key);
  }

  String get(String key, Map<String, ?> values) {
    String text = get(key);
    for (var e : values.entrySet()) {
      text = text.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
    }
    return text;
  }
}
