package seedance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import seedance.sdk.testing.LocalServer;

/** {@code seedance mcp} spawned as an agent would, driven by the MCP SDK's own client. */
class McpStdioIT {

  private static LocalServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = LocalServer.start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private static McpSyncClient connect(String key) {
    var parameters =
        ServerParameters.builder(CliProcess.java())
            .args("-jar", CliProcess.jar(), "mcp")
            .env(Map.of("SEEDANCE_API_KEY", key, "SEEDANCE_BASE_URL", server.baseUrl()))
            .build();
    var client =
        McpClient.sync(new StdioClientTransport(parameters, McpJsonDefaults.getMapper()))
            .requestTimeout(Duration.ofSeconds(150))
            .initializationTimeout(Duration.ofSeconds(30))
            .build();
    client.initialize();
    return client;
  }

  @Test
  void listsTheToolsAndRendersAVideoThroughThem() {
    try (var client = connect(server.newCustomerKey(100))) {
      assertThat(client.listTools().tools())
          .extracting(Tool::name)
          .containsExactlyInAnyOrder("create_video", "get_task", "wait_for_task");

      var created =
          client.callTool(
              call(
                  "create_video",
                  Map.of("prompt", "a hot air balloon over a valley", "duration", "4")));
      assertThat(created.isError()).as(text(created)).isFalse();
      String id = structured(created).get("id").toString();
      assertThat(id).startsWith("sd2_");
      assertThat(structured(created).get("credits_used")).isEqualTo(24);

      var waited = client.callTool(call("wait_for_task", Map.of("id", id, "timeout_seconds", 120)));
      assertThat(structured(waited).get("status")).isEqualTo("completed");

      var got = client.callTool(call("get_task", Map.of("id", id)));
      assertThat(text(got)).contains("\"video_url\":\"http");
    }
  }

  @Test
  void offersTheSameToolsAsTheServersHttpEndpoint() {
    String key = server.newCustomerKey(0);
    var http =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder(server.baseUrl())
                    .endpoint("/mcp")
                    .requestBuilder(
                        HttpRequest.newBuilder().header("Authorization", "Bearer " + key))
                    .build())
            .build();
    try (var stdio = connect(key);
        http) {
      http.initialize();
      assertThat(stdio.listTools().tools())
          .containsExactlyInAnyOrderElementsOf(http.listTools().tools());
    }
  }

  @Test
  void apiErrorsComeBackAsToolErrorsWithTheirCode() {
    try (var client = connect(server.newCustomerKey(0))) {
      var missing = client.callTool(call("get_task", Map.of("id", "sd2_000000000000000000000000")));
      assertThat(missing.isError()).isTrue();
      assertThat(text(missing)).startsWith("not_found:");

      var broke = client.callTool(call("create_video", Map.of("prompt", "a fox in snow")));
      assertThat(broke.isError()).isTrue();
      assertThat(text(broke)).startsWith("insufficient_credits:");
    }
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
