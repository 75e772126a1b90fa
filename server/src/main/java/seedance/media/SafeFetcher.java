package seedance.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import seedance.media.internal.AddressScreen;
import seedance.media.internal.BodyCopy;
import seedance.media.internal.FetchClient;
import seedance.media.internal.PinnedDnsResolver;
import seedance.media.internal.Watchdog;
import seedance.web.ApiException;

/**
 * Downloads a user-supplied (or upstream-supplied) media URL to a local file without letting the
 * URL reach anything internal (research section 3, R-SSRF-2..6, R-SSRF-8). Every hop is checked by
 * {@link UrlPolicy}, resolved once, screened by {@link AddressPolicy}, and then connected to only
 * at the screened addresses, so a DNS answer that changes after the check is never used.
 * Thread-safe; each fetch uses its own connection.
 */
public final class SafeFetcher {

  /** Redirects followed after the first request; one more is refused. */
  public static final int MAX_REDIRECTS = 3;

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final String FIELD = "media_url";

  private final FetchLimits limits;
  private final SSLContext sslContext;
  private final FetchTestHooks testHooks;
  private final AddressScreen screen;

  public SafeFetcher(Resolver resolver, FetchLimits limits, SSLContext sslContext) {
    this(resolver, limits, sslContext, FetchTestHooks.NONE);
  }

  /** {@code testHooks} loosen the checks for loopback test servers; see {@link FetchTestHooks}. */
  public SafeFetcher(
      Resolver resolver, FetchLimits limits, SSLContext sslContext, FetchTestHooks testHooks) {
    this.limits = limits;
    this.sslContext = sslContext;
    this.testHooks = testHooks;
    this.screen = new AddressScreen(resolver, testHooks.allowedRanges());
  }

  /** The system resolver and the JVM's default trust store. */
  public static SafeFetcher withSystemDefaults(FetchLimits limits) {
    try {
      return new SafeFetcher(Resolver.system(), limits, SSLContext.getDefault());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no default TLS context", e);
    }
  }

  /**
   * Downloads {@code url} into {@code destination} (created or replaced) and checks that its magic
   * bytes are of the {@code expected} kind. On any failure the partial file is deleted.
   *
   * @throws MediaFetchException with a user-safe message and one of its stable codes
   */
  public FetchedMedia fetch(String url, Path destination, MediaKind expected) {
    var pinned = new PinnedDnsResolver();
    CloseableHttpClient client = FetchClient.create(sslContext, limits, pinned);
    try (var watchdog = new Watchdog(limits.deadline(expected))) {
      String current = url;
      for (int redirects = 0; ; redirects++) {
        if (watchdog.expired()) {
          throw MediaFetchException.timeout(null);
        }
        Hop hop = admit(current, pinned);
        Answer answer = request(client, hop, destination, expected, watchdog);
        if (answer.saved() != null) {
          return new FetchedMedia(
              destination, answer.saved().format().mimeType(), answer.saved().bytes(), current);
        }
        if (redirects == MAX_REDIRECTS) {
          throw MediaFetchException.fetchFailed(" (too many redirects)", null);
        }
        current = answer.redirectTo();
      }
    } catch (RuntimeException e) {
      deleteQuietly(destination);
      throw e;
    } finally {
      client.close(CloseMode.IMMEDIATE);
    }
  }

  /** One request target whose host's addresses have been screened and pinned. */
  private record Hop(URI uri, HttpHost target, String requestTarget) {}

  /** A hop ends in either a redirect or a saved body. */
  private record Answer(String redirectTo, BodyCopy.Copied saved) {}

  private Hop admit(String url, PinnedDnsResolver pinned) {
    String host;
    URI uri;
    try {
      host = UrlPolicy.checkedHost(FIELD, url);
      uri = new URI(url);
    } catch (ApiException | URISyntaxException e) {
      throw MediaFetchException.notAllowed(e);
    }
    String clientHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    pinned.pin(clientHost, screen.admissible(host));
    int port = testHooks.httpsPortOverride() > 0 ? testHooks.httpsPortOverride() : -1;
    return new Hop(uri, new HttpHost("https", clientHost, port), requestTarget(uri));
  }

  private Answer request(
      CloseableHttpClient client,
      Hop hop,
      Path destination,
      MediaKind expected,
      Watchdog watchdog) {
    var request = new HttpGet(hop.requestTarget());
    request.setHeader("Accept", "image/*, video/*");
    request.setHeader("Accept-Encoding", "identity");
    watchdog.guard(request);
    boolean complete = false;
    ClassicHttpResponse response = null;
    try {
      response = client.executeOpen(hop.target(), request, HttpClientContext.create());
      int status = response.getCode();
      if (REDIRECTS.contains(status)) {
        return new Answer(redirectTarget(hop.uri(), response.getFirstHeader("Location")), null);
      }
      if (status != 200) {
        throw MediaFetchException.fetchFailed(" (HTTP status " + status + ")", null);
      }
      HttpEntity entity = response.getEntity();
      if (entity == null) {
        throw MediaFetchException.typeUnsupported(expected);
      }
      if (entity.getContentLength() > limits.maxBytes(expected)) {
        throw MediaFetchException.tooLarge(limits.maxBytes(expected));
      }
      BodyCopy.Copied saved = save(entity, destination, expected, watchdog);
      complete = true;
      return new Answer(null, saved);
    } catch (IOException e) {
      throw translate(e, watchdog);
    } finally {
      // Closing an unfinished response would read the rest of the body; cancelling drops it.
      if (!complete) {
        request.cancel();
      }
      closeQuietly(response);
    }
  }

  private BodyCopy.Copied save(
      HttpEntity entity, Path destination, MediaKind expected, Watchdog watchdog)
      throws IOException {
    // Not closed here: closing a half-read body reads it to the end. The response is closed
    // after the request is cancelled, which drops the connection instead.
    InputStream body = entity.getContent();
    try (OutputStream out =
        Files.newOutputStream(
            destination,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      return BodyCopy.copy(body, out, expected, limits, watchdog);
    }
  }

  private static String redirectTarget(URI from, Header location) {
    if (location == null || location.getValue().isBlank()) {
      throw MediaFetchException.fetchFailed(" (redirect without a location)", null);
    }
    URI next;
    try {
      next = from.resolve(new URI(location.getValue().trim()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw MediaFetchException.fetchFailed(" (invalid redirect location)", e);
    }
    if (!"https".equalsIgnoreCase(next.getScheme())) {
      throw MediaFetchException.notAllowed(null);
    }
    String text = next.toString();
    int fragment = text.indexOf('#');
    // A fragment is never sent, and UrlPolicy refuses one, so drop it here.
    return fragment < 0 ? text : text.substring(0, fragment);
  }

  private static MediaFetchException translate(IOException e, Watchdog watchdog) {
    if (watchdog.expired() || e instanceof InterruptedIOException) {
      return MediaFetchException.timeout(e);
    }
    return MediaFetchException.fetchFailed("", e);
  }

  /** Path and query, with any non-ASCII characters percent-encoded as UTF-8. */
  private static String requestTarget(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    var ascii = new StringBuilder(target.length());
    for (byte b : target.getBytes(StandardCharsets.UTF_8)) {
      if (b >= 0x21 && b < 0x7f) {
        ascii.append((char) b);
      } else {
        ascii.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return ascii.toString();
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    if (response == null) {
      return;
    }
    try {
      response.close();
    } catch (IOException ignored) {
      // The connection is being discarded anyway.
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // Nothing more can be done; the worker's scratch directory is cleaned per task.
    }
  }
}
