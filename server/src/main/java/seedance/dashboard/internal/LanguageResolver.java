package seedance.dashboard.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * English or Turkish: the {@code sd_lang} cookie set by the switcher ({@code ?lang=tr}), else the
 * best match of {@code Accept-Language}, else English.
 */
class LanguageResolver extends CookieLocaleResolver {

  static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("tr"));

  LanguageResolver() {
    super("sd_lang");
    setCookieMaxAge(Duration.ofDays(365));
    setCookieSameSite("Lax");
    setCookieHttpOnly(true);
    setDefaultLocaleFunction(LanguageResolver::fromHeader);
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return supported(super.resolveLocale(request));
  }

  static Locale supported(Locale locale) {
    if (locale != null) {
      for (Locale candidate : SUPPORTED) {
        if (candidate.getLanguage().equals(locale.getLanguage())) {
          return candidate;
        }
      }
    }
    return Locale.ENGLISH;
  }

  private static Locale fromHeader(HttpServletRequest request) {
    String header = request.getHeader("Accept-Language");
    if (header == null || header.isBlank()) {
      return Locale.ENGLISH;
    }
    try {
      var match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
      return match == null ? Locale.ENGLISH : match;
    } catch (IllegalArgumentException malformed) {
      return Locale.ENGLISH;
    }
  }
}
