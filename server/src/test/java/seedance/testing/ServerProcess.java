package seedance.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged server jar running as a separate process, which a test may kill -9 and start again.
 */
public final class ServerProcess implements AutoCloseable {

  private final Map<String, String> env;
  private final Path log;
  private final int port;
  private Process process;

  public ServerProcess(Map<String, String> env, Path log) {
    this.port = freePort();
    this.env = new HashMap<>(env);
    this.env.put("SERVER_PORT", Integer.toString(port));
    this.log = log;
  }

  public String base() {
    return "http://127.0.0.1:" + port;
  }

  public void start() {
    String jar = System.getProperty("seedance.server.jar");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var builder =
        new ProcessBuilder(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-jar", jar);
    builder.environment().putAll(env);
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    awaitHealthy(Duration.ofSeconds(60));
  }

  /** SIGKILL: no shutdown hook, no graceful anything. */
  public void kill9() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for the process to end by itself (a crash point, say) and returns its exit code. */
  public int awaitExit(java.time.Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        throw new AssertionError("the server is still running after " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return process.exitValue();
  }

  /** SIGTERM, then wait for the process to exit; returns how long it took. */
  public java.time.Duration terminate() {
    long start = System.nanoTime();
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return java.time.Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void awaitHealthy(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (var client = HttpClient.newHttpClient()) {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException("server exited; see " + log);
        }
        try {
          var response =
              client.send(
                  HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
                  HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // still starting
        }
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException("server not healthy within " + timeout + "; see " + log);
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
