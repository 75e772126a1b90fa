package seedance.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import seedance.web.ApiException;
import seedance.web.ErrorCode;

/** Submit-time URL checks (R-SSRF-1, R-SSRF-3, T-SSRF-1): pure parsing, no network. */
class UrlPolicyTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // T-SSRF-1, in order
        "http://media.example.com/a.png",
        "ftp://media.example.com/a.png",
        "https://user@media.test/a.png",
        "https://user:pass@media.example.com/a.png",
        "https://127.0.0.1/",
        "https://10.1.2.3/",
        "https://169.254.169.254/latest/meta-data",
        "https://localhost/",
        "https://localhost./",
        "https://0.0.0.0/",
        "https://[::1]/",
        "https://[::]/",
        "https://[::ffff:127.0.0.1]/",
        "https://[::ffff:a9fe:a9fe]/",
        "https://[fe80::1%25lo]/",
        "https://2130706433/",
        "https://0x7f.1/",
        "https://0177.0.0.1/",
        "https://127.1/",
        "https://100.100.100.200/",
        "https://[64:ff9b::a9fe:a9fe]/",
        "https://[2002:a9fe:a9fe::]/",
        "https://media/a.png",
        "https://metadata.google.internal/computeMetadata/v1/",
        "https://printer.local/a.png",
        "https://media.example.com:8443/a.png",
        "https://media.example.com/a.png#frag",
        // more bypass forms from the public lists
        "https://good.com@127.0.0.1/",
        "https://2852039166/",
        "https://0251.0376.0251.0376/",
        "https://0xa9fea9fe/",
        "https://0xa9.0xfe.0xa9.0xfe/",
        "https://169.254.43518/",
        "https://127.0.0.01/",
        "https://[::127.0.0.1]/",
        "https://[0:0:0:0:0:ffff:7f00:1]/",
        "https://%31%32%37.0.0.1/",
        "https://LOCALHOST/",
        "https://app.localhost/",
        "https://router.home.arpa/",
        "https://ｌｏｃａｌｈｏｓｔ/",
        "https://１２７.０.０.１/",
        "https://127.0.0.1:443/",
        "HTTP://media.example.com/a.png",
        "https:media.example.com/a.png",
        "https:///a.png",
        "https://media.example.com:0443/a.png",
        "https://media example.com/a.png",
        "/relative/a.png",
        "",
      })
  void refusesEveryNonHttpsInternalOrAmbiguousUrl(String url) {
    assertRefused(url);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "0.255.255.255",
        "10.255.255.255",
        "100.64.0.0",
        "100.127.255.255",
        "127.255.255.254",
        "169.254.0.1",
        "172.16.0.1",
        "172.31.255.255",
        "192.0.0.8",
        "192.0.2.1",
        "192.88.99.1",
        "192.168.1.1",
        "198.18.0.1",
        "198.19.255.255",
        "198.51.100.7",
        "203.0.113.9",
        "224.0.0.251",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        "[::ffff:10.0.0.1]",
        "[::ffff:192.168.0.1]",
        "[100::1]",
        "[2001::1]",
        "[2001:db8::1]",
        "[fc00::1]",
        "[fd12:3456::1]",
        "[fd00:ec2::254]",
        "[fe80::1]",
        "[febf:ffff::1]",
        "[ff02::1]",
        "[64:ff9b::8.8.8.8]",
      })
  void refusesIpLiteralsInEveryDeniedRange(String host) {
    assertRefused("https://" + host + "/a.png");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // the outer neighbours of denied ranges are ordinary public addresses
        "1.0.0.1",
        "9.255.255.255",
        "11.0.0.1",
        "100.63.255.255",
        "100.128.0.0",
        "126.255.255.255",
        "128.0.0.1",
        "169.253.255.255",
        "169.255.0.1",
        "172.15.255.255",
        "172.32.0.1",
        "192.167.255.255",
        "192.169.0.1",
        "198.17.255.255",
        "198.20.0.1",
        "223.255.255.255",
        "[2606:4700:4700::1111]",
        "[2a00:1450:4001:80b::200e]",
      })
  void acceptsPublicIpLiteralsNextToDeniedRanges(String host) {
    assertAccepted("https://" + host + "/a.png");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "https://example.com/a.png",
        "https://cdn.example.co.uk:443/x.mp4?sig=1",
        "https://8.8.8.8/a.png",
        "https://[2606:4700::1111]/a.png",
        "https://bücher.example/a.png",
        "https://xn--bcher-kva.example/a.png",
        "https://EXAMPLE.com/a.png",
        "https://example.com./a.png",
        "https://media.example.com/path/with%20space.mp4?X-Amz-Signature=abc&x=1",
        "https://a.b.c.example.com/clip.webm",
      })
  void acceptsPublicHttpsUrls(String url) {
    assertAccepted(url);
  }

  @Test
  void refusesUrlsLongerThan2048CharactersAndAcceptsExactly2048() {
    String prefix = "https://example.com/";
    String exactly2048 = prefix + "a".repeat(UrlPolicy.MAX_LENGTH - prefix.length());
    assertThat(exactly2048).hasSize(2048);

    assertAccepted(exactly2048);
    var refused = assertRefused(exactly2048 + "a");
    assertThat(refused.getMessage()).contains("2048");
  }

  @Test
  void namesTheFieldInTheErrorAndItsParam() {
    var error =
        catchThrowableOfType(
            ApiException.class, () -> UrlPolicy.check("media_urls[3]", "https://127.0.0.1/a.png"));

    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(error.param()).isEqualTo("media_urls[3]");
    assertThat(error.getMessage()).startsWith("media_urls[3] ");
  }

  @Test
  void givesTheSameAnswerForEveryInternalAddressSoNoneIsRevealed() {
    var loopback = assertRefused("https://127.0.0.1/a.png");
    var metadata = assertRefused("https://169.254.169.254/a.png");
    var mapped = assertRefused("https://[::ffff:a9fe:a9fe]/a.png");

    assertThat(metadata.getMessage()).isEqualTo(loopback.getMessage());
    assertThat(mapped.getMessage()).isEqualTo(loopback.getMessage());
    assertThat(loopback.getMessage()).doesNotContain("127.0.0.1");
  }

  @Test
  void neverResolvesHostNames() {
    // Names that do not exist pass at once: the check parses, it does not ask DNS.
    long started = System.nanoTime();
    for (int i = 0; i < 50; i++) {
      assertAccepted("https://definitely-not-resolvable-" + i + ".invalid-tld-xyz/a.png");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
  }

  private static ApiException assertRefused(String url) {
    var error = catchThrowableOfType(ApiException.class, () -> UrlPolicy.check("image_url", url));
    assertThat(error).as("refused: %s", url).isNotNull();
    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(error.param()).isEqualTo("image_url");
    assertThat(error.getMessage()).startsWith("image_url ");
    return error;
  }

  private static void assertAccepted(String url) {
    assertThatCode(() -> UrlPolicy.check("image_url", url)).as(url).doesNotThrowAnyException();
  }
}
