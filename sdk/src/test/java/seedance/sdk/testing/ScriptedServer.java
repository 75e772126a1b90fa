package seedance.sdk.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server that answers from a script, one step per request (the last step repeats), and
 * records every request it saw: for testing what a client does on 429, 503, resets and 4xx.
 */
public final class ScriptedServer implements AutoCloseable {

  /** One scripted answer; {@link #reset()} drops the connection without answering. */
  public record Step(int status, Map<String, String> headers, String body) {
    public static Step reset() {
      return new Step(-1, Map.of(), "");
    }

    public static Step json(int status, String body) {
      return new Step(status, Map.of(), body);
    }

    public static Step error(int status, String code, Map<String, String> headers) {
      return new Step(
          status,
          headers,
          "{\"error\":{\"code\":\""
              + code
              + "\",\"message\":\"scripted "
              + code
              + "\",\"request_id\":\"req_scripted\"}}");
    }
  }

  /** What the client sent. */
  public record Seen(String method, String path, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Step> script = new ConcurrentLinkedQueue<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private volatile Step last;

  public ScriptedServer(Step... steps) throws IOException {
    script.addAll(List.of(steps));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Seen> requests() {
    return List.copyOf(seen);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    seen.add(
        new Seen(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()),
            body));
    Step step = script.poll();
    if (step == null) {
      step = last;
    }
    last = step;
    if (step.status() < 0) {
      // Closing without a response: the client sees the connection end mid-exchange.
      exchange.close();
      return;
    }
    byte[] out = step.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    step.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(step.status(), out.length == 0 ? -1 : out.length);
    try (var os = exchange.getResponseBody()) {
      os.write(out);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
