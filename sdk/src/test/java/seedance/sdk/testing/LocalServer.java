package seedance.sdk.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged server jar ({@code server/target/seedance-server.jar}, built earlier in the same
 * reactor run) as a child process on a free loopback port, with a fresh SQLite data directory and
 * the local renderer; plus the operator calls a test needs to get a customer's API key.
 */
public final class LocalServer implements AutoCloseable {

  private static final String ADMIN_TOKEN = "client-tests-admin-token";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final int port;
  private final Path log;
  private final Process process;
  private final HttpClient http = HttpClient.newHttpClient();

  private LocalServer(int port, Path log, Process process) {
    this.port = port;
    this.log = log;
    this.process = process;
  }

  public static LocalServer start() throws IOException {
    String jar = System.getProperty("seedance.server.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "no server jar at "
              + jar
              + ": build it first (./mvnw -B -pl server -DskipTests package), or run the reactor");
    }
    int port = freePort();
    Path data = Files.createTempDirectory("seedance-client-test-");
    Path log = data.resolve("server.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var builder =
        new ProcessBuilder(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-jar", jar);
    builder
        .environment()
        .putAll(
            Map.of(
                "SERVER_PORT",
                Integer.toString(port),
                "SERVER_ADDRESS",
                "127.0.0.1",
                "SEEDANCE_DATA_DIR",
                data.toString(),
                "SEEDANCE_ADMIN_TOKEN",
                ADMIN_TOKEN));
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    var server = new LocalServer(port, log, builder.start());
    server.awaitHealthy(Duration.ofSeconds(90));
    return server;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** A new account with {@code credits} and an API key for it; returns the key. */
  public String newCustomerKey(long credits) {
    String email = "client-" + System.nanoTime() + "@example.com";
    JsonNode account =
        admin("/admin/v1/accounts", "{\"email\":\"" + email + "\",\"credits\":" + credits + "}");
    JsonNode key =
        admin(
            "/admin/v1/accounts/" + account.path("id").asString() + "/keys",
            "{\"name\":\"client tests\"}");
    return key.path("key").asString();
  }

  private JsonNode admin(String path, String body) {
    try {
      var response =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl() + path))
                  .header("Authorization", "Bearer " + ADMIN_TOKEN)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException(path + " -> " + response.statusCode() + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    http.close();
  }

  private void awaitHealthy(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException("server exited:\n" + Files.readString(log));
        }
        try {
          var response =
              http.send(
                  HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                  HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // still starting
        }
        Thread.sleep(200);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    close();
    throw new IllegalStateException("server not healthy within " + timeout + "; see " + log);
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
