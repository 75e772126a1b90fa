package seedance.cli;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import seedance.sdk.SeedanceClient;
import seedance.sdk.SeedanceException;
import seedance.sdk.VideoRequest;
import seedance.sdk.WaitTimeoutException;
import tools.jackson.core.type.TypeReference;

/** create_video, get_task and wait_for_task, carried out through the SDK. */
final class McpTools {

  static final Duration DEFAULT_WAIT = Duration.ofSeconds(120);

  private final SeedanceClient client;
  private final McpJsonMapper mapper;

  McpTools(SeedanceClient client, McpJsonMapper mapper) {
    this.client = client;
    this.mapper = mapper;
  }

  List<SyncToolSpecification> specifications() {
    return List.of(
        spec(
            "create_video",
            ToolSchemas.CREATE_VIDEO_DESCRIPTION,
            ToolSchemas.CREATE_VIDEO,
            this::createVideo),
        spec("get_task", ToolSchemas.GET_TASK_DESCRIPTION, ToolSchemas.GET_TASK, this::getTask),
        spec(
            "wait_for_task",
            ToolSchemas.WAIT_FOR_TASK_DESCRIPTION,
            ToolSchemas.WAIT_FOR_TASK,
            this::waitForTask));
  }

  private SyncToolSpecification spec(
      String name, String description, String schema, Function<Map<String, Object>, Object> call) {
    var tool = Tool.builder(name, mapper, schema).description(description).build();
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler((exchange, request) -> result(call, request))
        .build();
  }

  private static CallToolResult result(
      Function<Map<String, Object>, Object> call, CallToolRequest request) {
    Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
    try {
      Map<String, Object> body = asMap(call.apply(arguments));
      return CallToolResult.builder()
          .addTextContent(Output.JSON.writeValueAsString(body))
          .structuredContent(body)
          .isError(false)
          .build();
    } catch (SeedanceException e) {
      var error = new LinkedHashMap<String, Object>();
      error.put("code", e.code());
      error.put("message", e.getMessage());
      if (e.param() != null) {
        error.put("param", e.param());
      }
      if (e.requestId() != null) {
        error.put("request_id", e.requestId());
      }
      return CallToolResult.builder()
          .addTextContent(e.code() + ": " + e.getMessage())
          .structuredContent(Map.of("error", error))
          .isError(true)
          .build();
    }
  }

  private Object createVideo(Map<String, Object> arguments) {
    var fields = new LinkedHashMap<>(arguments);
    Object key = fields.remove("idempotency_key");
    var request = Output.JSON.convertValue(fields, VideoRequest.class);
    return client
        .videos()
        .create(request, key == null ? UUID.randomUUID().toString() : key.toString());
  }

  private Object getTask(Map<String, Object> arguments) {
    return client.tasks().get(String.valueOf(arguments.get("id")));
  }

  private Object waitForTask(Map<String, Object> arguments) {
    Duration timeout =
        arguments.get("timeout_seconds") instanceof Number n
            ? Duration.ofSeconds(Math.clamp(n.longValue(), 1, 600))
            : DEFAULT_WAIT;
    try {
      return client.tasks().waitFor(String.valueOf(arguments.get("id")), timeout);
    } catch (WaitTimeoutException stillProcessing) {
      return stillProcessing.lastSeen();
    }
  }

  private static Map<String, Object> asMap(Object value) {
    return Output.JSON.convertValue(value, new TypeReference<Map<String, Object>>() {});
  }
}
