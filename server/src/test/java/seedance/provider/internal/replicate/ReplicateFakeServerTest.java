package seedance.provider.internal.replicate;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fake's clock mode and webhooks behave as Replicate documents them, so end-to-end tests
 * passing against it mean something: predictions end on time whoever looks, and only the events the
 * create's {@code webhook_events_filter} asked for are delivered, each with the prediction as body.
 */
class ReplicateFakeServerTest {

  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private ReplicateFakeServer fake;
  private HttpServer receiver;

  private record Delivery(String path, String status) {}

  @BeforeEach
  void start() throws IOException {
    fake = new ReplicateFakeServer();
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          try (exchange) {
            JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
            deliveries.add(
                new Delivery(exchange.getRequestURI().getPath(), body.path("status").asString()));
            exchange.sendResponseHeaders(204, -1);
          }
        });
    receiver.start();
    fake.finishAfter(Duration.ofMillis(600));
    fake.webhooks("http://127.0.0.1:" + receiver.getAddress().getPort(), 2, Duration.ofMillis(300));
  }

  @AfterEach
  void stop() {
    fake.close();
    receiver.stop(0);
  }

  @Test
  void aClockModePredictionEndsOnTimeNotPerGet() throws Exception {
    fake.finishAfter(Duration.ofSeconds(2));
    String id =
        create(",\"webhook_events_filter\":[\"completed\"]", "/hook/a").path("id").asString();

    for (int i = 0; i < 3; i++) {
      assertThat(get(id).path("status").asString()).isIn("starting", "processing");
    }
    Thread.sleep(2_200);
    JsonNode ended = get(id);

    assertThat(ended.path("status").asString()).isEqualTo("succeeded");
    assertThat(ended.path("output").asString()).endsWith("/output.mp4");
    assertThat(ended.path("started_at").isNull()).isFalse();
  }

  @Test
  void onlyTheAskedForEventsAreDeliveredWithCopiesAndALateOne() throws Exception {
    create(",\"webhook_events_filter\":[\"start\",\"completed\"]", "/hook/both");
    create(",\"webhook_events_filter\":[\"completed\"]", "/hook/end");
    create(",\"webhook_events_filter\":[\"start\"]", "/hook/start");
    create("", "/hook/default");

    awaitDeliveries(1 + 3 + 3 + 1 + 3);

    // The start event's body is the prediction when it is sent: starting, or processing by then.
    assertThat(statuses("/hook/both")).hasSize(4);
    assertThat(statuses("/hook/both").getFirst()).isIn("starting", "processing");
    assertThat(statuses("/hook/both").subList(1, 4)).containsOnly("succeeded");
    assertThat(statuses("/hook/end")).containsExactly("succeeded", "succeeded", "succeeded");
    assertThat(statuses("/hook/start")).hasSize(1).doesNotContain("succeeded");
    // Replicate's default without a filter: output and completed, both at the end for one file.
    assertThat(statuses("/hook/default")).containsExactly("succeeded", "succeeded", "succeeded");
  }

  @Test
  void anUnknownWebhookEventIsRefused() throws Exception {
    HttpResponse<String> answer = send(",\"webhook_events_filter\":[\"finished\"]", "/hook/x");

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(answer.body()).contains("webhook_events_filter");
  }

  private List<String> statuses(String path) {
    return deliveries.stream().filter(d -> d.path().equals(path)).map(Delivery::status).toList();
  }

  private void awaitDeliveries(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (deliveries.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(300); // nothing more than asked for arrives
  }

  private JsonNode create(String webhookFields, String hookPath) throws Exception {
    HttpResponse<String> answer = send(webhookFields, hookPath);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return json.readTree(answer.body());
  }

  private HttpResponse<String> send(String webhookFields, String hookPath) throws Exception {
    String body =
        "{\"input\":{\"prompt\":\"a fox\"},\"webhook\":\"https://gateway.example"
            + hookPath
            + "?token=t\""
            + webhookFields
            + "}";
    return http.send(
        HttpRequest.newBuilder(
                URI.create(fake.baseUrl() + "/models/bytedance/seedance-2.0/predictions"))
            .header("Authorization", "Bearer " + ReplicateFakeServer.TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode get(String id) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/predictions/" + id))
                .header("Authorization", "Bearer " + ReplicateFakeServer.TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return json.readTree(answer.body());
  }
}
