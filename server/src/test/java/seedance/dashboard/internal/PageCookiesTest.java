package seedance.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import seedance.config.ServerSettings;

class PageCookiesTest {

  private static PageCookies cookies(String publicUrl) {
    return new PageCookies(new ServerSettings(Path.of("."), publicUrl, null, null), null);
  }

  private static String written(PageCookies cookies, MockHttpServletRequest request) {
    var response = new MockHttpServletResponse();
    cookies.write(request, response, PageCookies.SESSION, "ses_x", Duration.ofDays(14));
    return response.getHeader("Set-Cookie");
  }

  @Test
  void overPlainHttpTheCookieIsHttpOnlyAndLaxButNotSecure() {
    String cookie = written(cookies(null), new MockHttpServletRequest());

    assertThat(cookie)
        .startsWith("sd_session=ses_x")
        .contains("Path=/")
        .contains("HttpOnly")
        .contains("SameSite=Lax")
        .contains("Max-Age=1209600")
        .doesNotContain("Secure");
  }

  @Test
  void overHttpsOrBehindAnHttpsPublicUrlTheCookieIsSecure() {
    var https = new MockHttpServletRequest();
    https.setSecure(true);

    assertThat(written(cookies(null), https)).contains("Secure").contains("HttpOnly");
    assertThat(written(cookies("https://video.example.com"), new MockHttpServletRequest()))
        .contains("Secure");
  }

  @Test
  void twoCookiesOfOneNameAreTrustedNeither() {
    var request = new MockHttpServletRequest();
    request.setCookies(
        new jakarta.servlet.http.Cookie("sd_session", "a"),
        new jakarta.servlet.http.Cookie("sd_session", "b"));

    assertThat(PageCookies.read(request, "sd_session")).isNull();
  }
}
