package seedance.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the fetcher may connect (T-SSRF-2..5): only to checked addresses, never to the loopback
 * canary, whatever DNS or redirects say.
 */
class SafeFetcherAddressTest {

  @TempDir static Path scratch;
  @TempDir Path downloads;

  private static MediaTestServer server;
  private int canaryBefore;
  private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

  @BeforeAll
  static void startServers() throws Exception {
    server = MediaTestServer.start(scratch);
    server.serveBytes("/image.png", TestMedia.png(), Map.of("Content-Type", "image/png"));
    server.redirect("/moved", "/image.png");
    server.redirect("/to-loopback", "https://127.0.0.1/x");
    server.redirect("/to-http", "http://media.test/x");
    server.redirect("/to-evil", "https://evil.test/x");
    server.redirect("/to-self", "https://rebind.test/image.png");
    server.redirect("/hop1", "https://media.test/image.png");
    server.redirect("/hop2", "/hop1");
    server.redirect("/hop3", "/hop2");
    server.redirect("/hop4", "/hop3");
  }

  @AfterAll
  static void stopServers() throws Exception {
    server.close();
  }

  @BeforeEach
  void noteCanary() {
    canaryBefore = server.canaryConnections();
  }

  @AfterEach
  void canaryHeardNothing() {
    assertThat(server.canaryConnections() - canaryBefore)
        .as("connections to the 127.0.0.1 canary")
        .isZero();
  }

  @Test
  void refusesAHostResolvingOnlyToLoopbackWithoutConnecting() {
    MediaFetchException error = failure("https://evil.test/image.png");

    assertThat(error.code()).isEqualTo("media_url_not_allowed");
    assertThat(downloads.resolve("out")).doesNotExist();
  }

  @Test
  void answersAnUnresolvableHostExactlyLikeABlockedOne() {
    MediaFetchException blocked = failure("https://evil.test/image.png");
    MediaFetchException missing = failure("https://nowhere.test/image.png");

    assertThat(missing.code()).isEqualTo(blocked.code()).isEqualTo("media_url_not_allowed");
    assertThat(missing.getMessage()).isEqualTo(blocked.getMessage());
    assertThat(blocked.getMessage()).doesNotContain("127.", "evil", "resolve");
  }

  @Test
  void contactsOnlyTheAllowedAddressOfAMixedAnswer() {
    int before = server.hits("/image.png");

    FetchedMedia media = fetch("https://mixed.test/image.png");

    assertThat(media.detectedType()).isEqualTo("image/png");
    assertThat(server.hits("/image.png")).isEqualTo(before + 1);
    assertThat(server.serverNamesRequested()).last().isEqualTo("mixed.test");
  }

  @Test
  void connectsToTheCheckedAddressEvenIfTheNameRebindsAfterwards() {
    FetchedMedia media = fetch("https://rebind.test/image.png");

    assertThat(media.detectedType()).isEqualTo("image/png");
    assertThat(lookups.get("rebind.test")).as("one lookup, by the fetcher").hasValue(1);
  }

  @Test
  void refusesARedirectHopWhoseNameHasReboundToLoopback() {
    MediaFetchException error = failure("https://rebind.test/to-self");

    assertThat(error.code()).isEqualTo("media_url_not_allowed");
    assertThat(lookups.get("rebind.test")).hasValue(2);
  }

  @Test
  void refusesARedirectToALoopbackAddress() {
    assertThat(failure("https://media.test/to-loopback").code()).isEqualTo("media_url_not_allowed");
  }

  @Test
  void refusesARedirectToAHostResolvingToLoopback() {
    assertThat(failure("https://media.test/to-evil").code()).isEqualTo("media_url_not_allowed");
    assertThat(lookups.get("evil.test")).hasValue(1);
  }

  @Test
  void refusesARedirectFromHttpsToHttp() {
    int before = server.hits("/x");

    assertThat(failure("https://media.test/to-http").code()).isEqualTo("media_url_not_allowed");
    assertThat(server.hits("/x")).isEqualTo(before);
  }

  @Test
  void refusesAChainOfMoreThanThreeRedirects() {
    MediaFetchException error = failure("https://media.test/hop4");

    assertThat(error.code()).isEqualTo("media_fetch_failed");
    assertThat(error.getMessage()).contains("too many redirects");
  }

  @Test
  void followsUpToThreeRedirects() {
    FetchedMedia media = fetch("https://media.test/hop3");

    assertThat(media.finalUrl()).isEqualTo("https://media.test/image.png");
  }

  @Test
  void followsARelativeRedirectToAnotherAllowedPath() {
    FetchedMedia media = fetch("https://media.test/moved");

    assertThat(media.detectedType()).isEqualTo("image/png");
    assertThat(media.finalUrl()).isEqualTo("https://media.test/image.png");
    assertThat(media.bytes()).isEqualTo(TestMedia.png().length);
  }

  @Test
  void verifiesTheCertificateAgainstTheRequestedHostNameNotTheAddress() {
    // other.test resolves to the media server, whose certificate does not name it.
    int before = server.hits("/image.png");

    MediaFetchException error = failure("https://other.test/image.png");

    assertThat(error.code()).isEqualTo("media_fetch_failed");
    assertThat(error).hasCauseInstanceOf(SSLException.class).hasStackTraceContaining("other.test");
    assertThat(server.hits("/image.png")).isEqualTo(before);
  }

  @Test
  void refusesUrlsTheSubmitCheckWouldRefuse() {
    assertThat(failure("http://media.test/image.png").code()).isEqualTo("media_url_not_allowed");
    assertThat(failure("https://localhost/image.png").code()).isEqualTo("media_url_not_allowed");
    assertThat(failure("https://127.0.0.1/image.png").code()).isEqualTo("media_url_not_allowed");
    assertThat(failure("https://media.test:8443/image.png").code())
        .isEqualTo("media_url_not_allowed");
    assertThat(lookups).isEmpty();
  }

  @Test
  void ignoresTheJvmProxySettings() {
    String port = Integer.toString(server.port());
    Map<String, String> proxies =
        Map.of(
            "https.proxyHost",
            "127.0.0.1",
            "https.proxyPort",
            port,
            "socksProxyHost",
            "127.0.0.1",
            "socksProxyPort",
            port);
    proxies.forEach(System::setProperty);
    try {
      assertThat(fetch("https://media.test/image.png").detectedType()).isEqualTo("image/png");
    } finally {
      proxies.keySet().forEach(System::clearProperty);
    }
  }

  private FetchedMedia fetch(String url) {
    return fetcher().fetch(url, downloads.resolve("out"), MediaKind.IMAGE);
  }

  private MediaFetchException failure(String url) {
    MediaFetchException error = catchThrowableOfType(MediaFetchException.class, () -> fetch(url));
    assertThat(error).as("fetch of " + url).isNotNull();
    return error;
  }

  /** A fresh host map per fetcher, so each test's rebinding starts from the first answer. */
  private SafeFetcher fetcher() {
    Resolver hostMap = MediaTestServer.hostMap();
    Resolver counted =
        host -> {
          lookups.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
          return hostMap.resolve(host);
        };
    return server.fetcher(counted, MediaTestServer.smallLimits());
  }
}
