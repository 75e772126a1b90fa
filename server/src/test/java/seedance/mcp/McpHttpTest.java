package seedance.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import seedance.testing.ApiTest;

/**
 * {@code /mcp} driven by the MCP SDK's own client over streamable HTTP: the tools do what the REST
 * API does, with the same key, charge, idempotency and rate limit.
 */
@TestPropertySource(properties = "seedance.worker.enabled=true")
class McpHttpTest extends ApiTest {

  private McpSyncClient connect(String key) {
    var transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
            .endpoint("/mcp")
            .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + key))
            .build();
    var client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(150))
            .initializationTimeout(Duration.ofSeconds(20))
            .build();
    client.initialize();
    return client;
  }

  @Test
  void listsTheToolsAndRendersAVideoChargedOnce() throws Exception {
    var customer = api().newCustomer(100);
    try (var client = connect(customer.key())) {
      assertThat(client.listTools().tools())
          .extracting(Tool::name)
          .containsExactlyInAnyOrder("create_video", "get_task", "wait_for_task");

      var created =
          client.callTool(
              call(
                  "create_video",
                  Map.of("prompt", "a lantern floating on a dark lake", "duration", "4")));
      assertThat(created.isError()).as(text(created)).isFalse();
      String id = structured(created).get("id").toString();
      assertThat(structured(created))
          .containsEntry("credits_used", 24)
          .containsEntry("replayed", false);

      var done = client.callTool(call("wait_for_task", Map.of("id", id, "timeout_seconds", 120)));
      assertThat(structured(done)).containsEntry("status", "completed");
      @SuppressWarnings("unchecked")
      var output = (Map<String, Object>) structured(done).get("output");
      var video =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(output.get("video_url").toString())).build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(video.statusCode()).isEqualTo(200);
      assertThat(video.headers().firstValue("Content-Type")).hasValue("video/mp4");

      var got = client.callTool(call("get_task", Map.of("id", id)));
      assertThat(structured(got)).containsEntry("id", id).containsEntry("status", "completed");
      assertThat(api().balance(customer.key())).isEqualTo(76);
    }
  }

  @Test
  void aCreateIsIdempotentAcrossMcpAndRestWithTheSameKey() {
    var customer = api().newCustomer(100);
    try (var client = connect(customer.key())) {
      var arguments =
          Map.<String, Object>of("prompt", "a quiet harbour at dawn", "idempotency_key", "mcp-k1");
      String first =
          structured(client.callTool(call("create_video", arguments))).get("id").toString();
      var repeated = structured(client.callTool(call("create_video", arguments)));
      String again = repeated.get("id").toString();
      assertThat(repeated).containsEntry("replayed", true);
      var rest = api().submit(customer.key(), "mcp-k1", "{\"prompt\":\"a quiet harbour at dawn\"}");

      assertThat(again).isEqualTo(first);
      assertThat(rest.status()).isEqualTo(202);
      assertThat(rest.header("Idempotent-Replayed")).isEqualTo("true");
      assertThat(rest.json().path("id").asString()).isEqualTo(first);
      assertThat(api().balance(customer.key())).isEqualTo(70);

      var conflict =
          client.callTool(
              call(
                  "create_video",
                  Map.of("prompt", "something else entirely", "idempotency_key", "mcp-k1")));
      assertThat(conflict.isError()).isTrue();
      assertThat(text(conflict)).startsWith("idempotency_conflict:");
    }
  }

  @Test
  void apiErrorsComeBackAsToolErrorsWithTheirCodes() {
    var customer = api().newCustomer(10);
    try (var client = connect(customer.key())) {
      var broke = client.callTool(call("create_video", Map.of("prompt", "a fox in the snow")));
      assertThat(broke.isError()).isTrue();
      assertThat(text(broke)).startsWith("insufficient_credits:");

      var invalid =
          client.callTool(
              call("create_video", Map.of("prompt", "a fox", "quality_tier", "mini", "seed", 5)));
      assertThat(invalid.isError()).isTrue();
      @SuppressWarnings("unchecked")
      var error = (Map<String, Object>) structured(invalid).get("error");
      assertThat(error).containsEntry("code", "invalid_request").containsEntry("param", "seed");
      assertThat(error.get("request_id").toString()).startsWith("req_");

      var missing = client.callTool(call("get_task", Map.of("id", "sd2_000000000000000000000000")));
      assertThat(text(missing)).startsWith("not_found:");
      assertThat(api().balance(customer.key())).isEqualTo(10);
    }
  }

  @Test
  void toolCallsShareTheAccountsRateLimitWithTheRestApi() {
    var customer = api().newCustomer(0);
    try (var client = connect(customer.key())) {
      for (int i = 0; i < 30; i++) {
        api().get(customer.key(), "/api/v1/account");
      }
      var limited = client.callTool(call("get_task", Map.of("id", "sd2_000000000000000000000000")));
      assertThat(limited.isError()).isTrue();
      assertThat(text(limited)).startsWith("rate_limited:");
    }
  }

  @Test
  void refusesRequestsWithoutAValidKey() throws Exception {
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(response.body()).contains("\"code\":\"unauthorized\"");

    assertThatThrownBy(() -> connect("sk_live_000000000000000000000000000000000000000000"))
        .isInstanceOf(RuntimeException.class);

    // Stateless: there is no server-to-client stream to open.
    var stream =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                    .header("Authorization", "Bearer " + api().newCustomer(0).key())
                    .header("Accept", "text/event-stream")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(stream.statusCode()).isEqualTo(405);
    assertThat(stream.body()).contains("\"code\":\"method_not_allowed\"");
  }

  private static CallToolRequest call(String tool, Map<String, Object> arguments) {
    return CallToolRequest.builder(tool).arguments(arguments).build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> structured(CallToolResult result) {
    return (Map<String, Object>) result.structuredContent();
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().getFirst()).text();
  }
}
