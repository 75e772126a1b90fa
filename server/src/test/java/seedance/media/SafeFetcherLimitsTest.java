package seedance.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the fetcher accepts once connected (T-SSRF-6): real media by magic bytes, within size, time
 * and header limits counted on the wire rather than taken from the server's word.
 */
class SafeFetcherLimitsTest {

  private static final int CAP = 64 * 1024;
  private static final long ENDLESS_BYTES = 256L * 1024 * 1024;
  private static final AtomicLong endlessSent = new AtomicLong();
  private static final CountDownLatch endlessDone = new CountDownLatch(1);

  @TempDir static Path scratch;
  @TempDir Path downloads;

  private static MediaTestServer server;
  private int canaryBefore;

  @BeforeAll
  static void startServers() throws Exception {
    server = MediaTestServer.start(scratch);
    server.serveBytes("/image.png", TestMedia.png(), Map.of("Content-Type", "image/png"));
    server.serveBytes("/clip.mp4", TestMedia.mp4(), Map.of("Content-Type", "video/mp4"));
    server.serveBytes("/clip.webm", TestMedia.webm("webm"), Map.of());
    server.serveBytes("/page.png", TestMedia.html(), Map.of("Content-Type", "image/png"));
    server.serveBytes("/playlist.mp4", TestMedia.hlsPlaylist(), Map.of());
    server.serveBytes(
        "/compressed.png",
        TestMedia.gzip(TestMedia.png()),
        Map.of("Content-Encoding", "gzip", "Content-Type", "image/png"));
    server.route("/twice-the-cap.png", SafeFetcherLimitsTest::twiceTheCapClaimingLittle);
    server.route("/claims-too-much.png", SafeFetcherLimitsTest::claimsTooMuch);
    server.route("/trickle.png", exchange -> trickle(exchange, Duration.ofMillis(100)));
    server.route("/stall.png", exchange -> trickle(exchange, Duration.ofSeconds(5)));
    server.route("/huge-headers.png", SafeFetcherLimitsTest::hugeHeaders);
    server.route("/endless.png", SafeFetcherLimitsTest::endless);
    server.route(
        "/gone.png",
        exchange -> {
          exchange.sendResponseHeaders(410, -1);
          exchange.close();
        });
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
    assertThat(server.canaryConnections() - canaryBefore).isZero();
  }

  @Test
  void savesARealPngWithTheTypeItsBytesShow() throws IOException {
    Path out = downloads.resolve("image");

    FetchedMedia media = fetcher().fetch("https://media.test/image.png", out, MediaKind.IMAGE);

    assertThat(media.detectedType()).isEqualTo("image/png");
    assertThat(media.bytes()).isEqualTo(TestMedia.png().length);
    assertThat(media.file()).isEqualTo(out);
    assertThat(Files.readAllBytes(out)).isEqualTo(TestMedia.png());
    assertThat(media.isVideo()).isFalse();
  }

  @Test
  void savesASmallMp4AsVideo() throws IOException {
    Path out = downloads.resolve("clip");

    FetchedMedia media = fetcher().fetch("https://media.test/clip.mp4", out, MediaKind.VIDEO);

    assertThat(media.detectedType()).isEqualTo("video/mp4");
    assertThat(media.bytes()).isEqualTo(TestMedia.mp4().length);
    assertThat(Files.readAllBytes(out)).isEqualTo(TestMedia.mp4());
    assertThat(media.isVideo()).isTrue();
  }

  @Test
  void acceptsEitherKindWhenEitherIsExpected() {
    assertThat(fetch("/clip.webm", MediaKind.IMAGE_OR_VIDEO).detectedType())
        .isEqualTo("video/webm");
    assertThat(fetch("/image.png", MediaKind.IMAGE_OR_VIDEO).detectedType()).isEqualTo("image/png");
  }

  @Test
  void refusesAVideoWhereAnImageIsExpected() {
    assertThat(failure("/clip.mp4", MediaKind.IMAGE).code()).isEqualTo("media_type_unsupported");
  }

  @Test
  void refusesAnHtmlPageServedAsPng() {
    MediaFetchException error = failure("/page.png", MediaKind.IMAGE);

    assertThat(error.code()).isEqualTo("media_type_unsupported");
    assertThat(downloads.resolve("out")).doesNotExist();
  }

  @Test
  void refusesAnHlsPlaylistServedAsVideo() {
    assertThat(failure("/playlist.mp4", MediaKind.VIDEO).code())
        .isEqualTo("media_type_unsupported");
  }

  @Test
  void keepsAGzipEncodedBodyCompressedAndRefusesIt() {
    // Inflated, this body would be a valid PNG.
    assertThat(failure("/compressed.png", MediaKind.IMAGE).code())
        .isEqualTo("media_type_unsupported");
  }

  @Test
  void cutsOffABodyTwiceTheCapDespiteASmallContentLength() {
    MediaFetchException error = failure("/twice-the-cap.png", MediaKind.IMAGE);

    assertThat(error.code()).isEqualTo("media_too_large");
    assertThat(error.getMessage()).contains("65536 bytes");
    assertThat(downloads.resolve("out")).doesNotExist();
  }

  @Test
  void dropsTheConnectionAtTheCapInsteadOfReadingTheRest() throws InterruptedException {
    MediaFetchException error = failure("/endless.png", MediaKind.IMAGE);

    assertThat(error.code()).isEqualTo("media_too_large");
    assertThat(endlessDone.await(5, TimeUnit.SECONDS)).as("server saw the disconnect").isTrue();
    // Socket buffers let a little more through than the cap; reading on would reach 256 MB.
    assertThat(endlessSent.get()).isLessThan(16L * 1024 * 1024);
  }

  @Test
  void refusesADeclaredSizeOverTheCapBeforeReadingTheBody() {
    assertThat(failure("/claims-too-much.png", MediaKind.IMAGE).code())
        .isEqualTo("media_too_large");
  }

  @Test
  void abortsATrickleAtTheTotalDeadline() {
    var limits = withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(800));
    long start = System.nanoTime();

    MediaFetchException error = failure("/trickle.png", MediaKind.IMAGE, limits);

    assertThat(error.code()).isEqualTo("media_timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(downloads.resolve("out")).doesNotExist();
  }

  @Test
  void abortsAStalledBodyAtTheIdleTimeout() {
    var limits = withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(4));
    long start = System.nanoTime();

    MediaFetchException error = failure("/stall.png", MediaKind.IMAGE, limits);

    assertThat(error.code()).isEqualTo("media_timeout");
    assertThat(error).hasCauseInstanceOf(SocketTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void refusesResponseHeadersOverTheLimit() {
    MediaFetchException error = failure("/huge-headers.png", MediaKind.IMAGE);

    assertThat(error.code()).isEqualTo("media_fetch_failed");
    assertThat(error).hasRootCauseMessage("response headers exceed 16384 bytes");
  }

  @Test
  void reportsAnErrorStatusWithoutSavingAnything() {
    MediaFetchException error = failure("/gone.png", MediaKind.IMAGE);

    assertThat(error.code()).isEqualTo("media_fetch_failed");
    assertThat(error.getMessage()).contains("410");
    assertThat(downloads.resolve("out")).doesNotExist();
  }

  /** Chunked, so the body is not bound by the Content-Length it also claims. */
  private static void twiceTheCapClaimingLittle(com.sun.net.httpserver.HttpExchange exchange)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Length", "1000");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(TestMedia.png());
      body.write(new byte[2 * CAP]);
    }
  }

  /** Far more than the cap, counting what it manages to send before the client hangs up. */
  private static void endless(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(TestMedia.png());
      byte[] chunk = new byte[64 * 1024];
      while (endlessSent.get() < ENDLESS_BYTES) {
        body.write(chunk);
        endlessSent.addAndGet(chunk.length);
      }
    } finally {
      endlessDone.countDown();
    }
  }

  private static void claimsTooMuch(com.sun.net.httpserver.HttpExchange exchange)
      throws IOException {
    byte[] body = Arrays.copyOf(TestMedia.png(), CAP + 1);
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
  }

  /** A PNG signature, then one byte per {@code pause}. */
  private static void trickle(com.sun.net.httpserver.HttpExchange exchange, Duration pause)
      throws IOException {
    exchange.sendResponseHeaders(200, 0);
    OutputStream body = exchange.getResponseBody();
    body.write(Arrays.copyOf(TestMedia.png(), 8));
    body.flush();
    for (int i = 0; i < 100; i++) {
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      body.write(0);
      body.flush();
    }
  }

  private static void hugeHeaders(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    String filler = "x".repeat(1000);
    for (int i = 0; i < 20; i++) {
      exchange.getResponseHeaders().set("X-Filler-" + i, filler);
    }
    byte[] png = TestMedia.png();
    exchange.sendResponseHeaders(200, png.length);
    exchange.getResponseBody().write(png);
  }

  private static FetchLimits withTimeouts(Duration idle, Duration deadline) {
    FetchLimits small = MediaTestServer.smallLimits();
    return new FetchLimits(
        small.connectTimeout(),
        idle,
        deadline,
        deadline,
        small.maxImageBytes(),
        small.maxVideoBytes(),
        small.maxHeaderBytes());
  }

  private SafeFetcher fetcher() {
    return server.fetcher(MediaTestServer.hostMap(), MediaTestServer.smallLimits());
  }

  private FetchedMedia fetch(String path, MediaKind kind) {
    return fetcher().fetch("https://media.test" + path, downloads.resolve("out"), kind);
  }

  private MediaFetchException failure(String path, MediaKind kind) {
    return failure(path, kind, MediaTestServer.smallLimits());
  }

  private MediaFetchException failure(String path, MediaKind kind, FetchLimits limits) {
    SafeFetcher fetcher = server.fetcher(MediaTestServer.hostMap(), limits);
    MediaFetchException error =
        catchThrowableOfType(
            MediaFetchException.class,
            () -> fetcher.fetch("https://media.test" + path, downloads.resolve("out"), kind));
    assertThat(error).as("fetch of " + path).isNotNull();
    return error;
  }
}
