package seedance.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real HTTPS media server on 127.0.0.2 with a throw-away certificate for the test host names, and
 * a canary listener on 127.0.0.1 at the same port that counts every TCP connection. Because the
 * fetcher maps port 443 to that port, any connection to loopback that slipped past the address
 * checks would land on the canary.
 */
public final class MediaTestServer implements AutoCloseable {

  public static final String PASSWORD = "throwaway";
  static final List<String> CERTIFICATE_NAMES =
      List.of(
          "media.test",
          "mixed.test",
          "rebind.test",
          "tos.example",
          "v3b.fal.media",
          "replicate.delivery");

  private final HttpsServer server;
  private final ExecutorService handlers;
  private final ServerSocket canary;
  private final AtomicInteger canaryConnections = new AtomicInteger();
  private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final SSLContext clientTrust;
  private final List<String> serverNames = new CopyOnWriteArrayList<>();

  private Path keyStoreFile;

  private MediaTestServer(HttpsServer server, ServerSocket canary, SSLContext clientTrust) {
    this.server = server;
    this.canary = canary;
    this.clientTrust = clientTrust;
    this.handlers = Executors.newCachedThreadPool(daemon("media-test-server"));
    server.setExecutor(handlers);
    server.createContext("/", this::dispatch);
  }

  private MediaTestServer listen(SSLContext serverTls) {
    server.setHttpsConfigurator(recordingServerNames(serverTls));
    server.start();
    Thread.ofPlatform().daemon().name("canary").start(this::countConnections);
    return this;
  }

  public static MediaTestServer start(Path scratch) throws Exception {
    Path keyStoreFile = generateCertificate(scratch);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStoreFile)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    SSLContext serverTls = serverContext(keys);
    SSLContext clientTrust = clientContext(keys);
    for (int attempt = 0; attempt < 20; attempt++) {
      HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.2", 0), 50);
      int port = server.getAddress().getPort();
      try {
        var canary = new ServerSocket();
        canary.bind(new InetSocketAddress("127.0.0.1", port));
        var started = new MediaTestServer(server, canary, clientTrust).listen(serverTls);
        started.keyStoreFile = keyStoreFile;
        return started;
      } catch (BindException portTakenOnLoopback) {
        server.stop(0);
      }
    }
    throw new IllegalStateException("no port free on both 127.0.0.1 and 127.0.0.2");
  }

  /**
   * Serves {@code body} at every path ending in {@code suffix} (e.g. ".mp4") not routed exactly.
   */
  public void serveEverySuffix(String suffix, byte[] body) {
    serveBytes("*" + suffix, body, Map.of());
  }

  private static String suffixKey(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : "*" + path.substring(dot);
  }

  /** Serves {@code handler} at exactly {@code path}. */
  void route(String path, HttpHandler handler) {
    routes.put(path, handler);
  }

  public void serveBytes(String path, byte[] body, Map<String, String> headers) {
    route(
        path,
        exchange -> {
          headers.forEach(exchange.getResponseHeaders()::set);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
  }

  /** {@code path} answers 403 from now on, as an upstream's signed link does once it expired. */
  public void expire(String path) {
    route(
        path,
        exchange -> {
          exchange.sendResponseHeaders(403, -1);
          exchange.close();
        });
  }

  void redirect(String path, String location) {
    route(
        path,
        exchange -> {
          exchange.getResponseHeaders().set("Location", location);
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
  }

  /** The TLS server names (SNI) clients have asked for, in order. */
  List<String> serverNamesRequested() {
    return List.copyOf(serverNames);
  }

  /**
   * Makes the server under test fetch https from this server: it trusts this server's certificate
   * and sends https requests to its port (test hooks must be on, with the host mapped to it).
   */
  public void routeFetchesHere(DynamicPropertyRegistry registry) {
    registry.add("seedance.test-hooks.trust-store", () -> trustStore().toString());
    registry.add("seedance.test-hooks.trust-store-password", () -> PASSWORD);
    registry.add("seedance.test-hooks.https-port-override", this::port);
  }

  /** The PKCS12 file holding the test certificate, for clients that must trust it. */
  public Path trustStore() {
    return keyStoreFile;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public int canaryConnections() {
    return canaryConnections.get();
  }

  public int hits(String path) {
    AtomicInteger count = hits.get(path);
    return count == null ? 0 : count.get();
  }

  SSLContext clientTrust() {
    return clientTrust;
  }

  /** The test host map: media.test and mixed.test's good half on 127.0.0.2, the rest loopback. */
  static Resolver hostMap() {
    return Resolver.hostMap(
        Map.of(
            "media.test", List.of(List.of(ip("127.0.0.2"))),
            "evil.test", List.of(List.of(ip("127.0.0.1"))),
            "mixed.test", List.of(List.of(ip("127.0.0.1"), ip("127.0.0.2"))),
            "rebind.test", List.of(List.of(ip("127.0.0.2")), List.of(ip("127.0.0.1"))),
            "other.test", List.of(List.of(ip("127.0.0.2")))));
  }

  /** Defaults scaled down so that limit tests run in well under a second each. */
  static FetchLimits smallLimits() {
    return new FetchLimits(
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        64 * 1024,
        128 * 1024,
        16 * 1024);
  }

  SafeFetcher fetcher(Resolver resolver, FetchLimits limits) {
    return new SafeFetcher(
        resolver, limits, clientTrust, new FetchTestHooks(List.of("127.0.0.2/32"), port()));
  }

  @Override
  public void close() throws IOException {
    server.stop(0);
    handlers.shutdownNow();
    canary.close();
  }

  private HttpsConfigurator recordingServerNames(SSLContext tls) {
    SNIMatcher recorder =
        new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
          @Override
          public boolean matches(SNIServerName name) {
            serverNames.add(((SNIHostName) name).getAsciiName());
            return true;
          }
        };
    return new HttpsConfigurator(tls) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters parameters = tls.getDefaultSSLParameters();
        parameters.setSNIMatchers(List.of(recorder));
        params.setSSLParameters(parameters);
      }
    };
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    HttpHandler handler = routes.get(path);
    if (handler == null) {
      handler = routes.get(suffixKey(path));
    }
    try (exchange) {
      if (handler == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        handler.handle(exchange);
      }
    } catch (IOException clientWentAway) {
      // Expected whenever the fetcher aborts a download; nothing to report.
    }
  }

  private void countConnections() {
    while (!canary.isClosed()) {
      try {
        Socket connection = canary.accept();
        canaryConnections.incrementAndGet();
        connection.close();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static Path generateCertificate(Path scratch) throws IOException, InterruptedException {
    Path keyStore = scratch.resolve("media-test.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    String names = String.join(",", CERTIFICATE_NAMES.stream().map(n -> "dns:" + n).toList());
    Process process =
        new ProcessBuilder(
                keytool,
                "-genkeypair",
                "-alias",
                "media",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=media.test",
                "-ext",
                "SAN=" + names,
                "-validity",
                "2",
                "-keystore",
                keyStore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    return keyStore;
  }

  private static SSLContext serverContext(KeyStore keys) throws GeneralSecurityException {
    var factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(factory.getKeyManagers(), null, null);
    return context;
  }

  /** Trusts only the throw-away certificate, as a pinned trust store would in production. */
  private static SSLContext clientContext(KeyStore keys)
      throws GeneralSecurityException, IOException {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("media", keys.getCertificate("media"));
    var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return Thread.ofPlatform().daemon().name(name + "-", 0).factory();
  }

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
