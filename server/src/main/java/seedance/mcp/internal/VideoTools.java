package seedance.mcp.internal;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import seedance.apikey.Caller;
import seedance.idempotency.IdempotencyKeys;
import seedance.ratelimit.RateLimits;
import seedance.task.TaskView;
import seedance.task.TaskViews;
import seedance.video.VideoSubmissions;
import seedance.web.ApiException;
import seedance.web.ErrorCode;
import seedance.web.StrictJson;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP tools, carried out by the REST API's own services: every call is one request against the
 * account's rate limit, a create is validated, priced, charged and made idempotent by {@link
 * VideoSubmissions} exactly like {@code POST /api/v1/video/seedance2}, and errors carry the API's
 * error codes.
 */
@Component
class VideoTools {

  static final String CALLER = "caller";
  static final String REQUEST_ID = "request_id";
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(120);
  static final Duration MAX_WAIT = Duration.ofSeconds(600);
  static final Duration POLL = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(VideoTools.class);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final VideoSubmissions submissions;
  private final TaskViews views;
  private final RateLimits limits;
  private final JsonMapper json;

  VideoTools(VideoSubmissions submissions, TaskViews views, RateLimits limits, JsonMapper json) {
    this.submissions = submissions;
    this.views = views;
    this.limits = limits;
    this.json = json;
  }

  List<SyncToolSpecification> specifications(McpJsonMapper mapper) {
    return List.of(
        spec(
            mapper,
            "create_video",
            ToolSchemas.CREATE_VIDEO_DESCRIPTION,
            ToolSchemas.CREATE_VIDEO,
            this::createVideo),
        spec(
            mapper,
            "get_task",
            ToolSchemas.GET_TASK_DESCRIPTION,
            ToolSchemas.GET_TASK,
            this::getTask),
        spec(
            mapper,
            "wait_for_task",
            ToolSchemas.WAIT_FOR_TASK_DESCRIPTION,
            ToolSchemas.WAIT_FOR_TASK,
            this::waitForTask));
  }

  private interface Call {
    Object apply(Caller caller, Map<String, Object> arguments);
  }

  private SyncToolSpecification spec(
      McpJsonMapper mapper, String name, String description, String schema, Call call) {
    var tool = Tool.builder(name, mapper, schema).description(description).build();
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler((context, request) -> result(context, request, call))
        .build();
  }

  private CallToolResult result(McpTransportContext context, CallToolRequest request, Call call) {
    Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
    Object requestId = context.get(REQUEST_ID);
    try {
      var caller = (Caller) context.get(CALLER);
      Map<String, Object> body = json.convertValue(call.apply(caller, arguments), MAP);
      return CallToolResult.builder()
          .addTextContent(json.writeValueAsString(body))
          .structuredContent(body)
          .isError(false)
          .build();
    } catch (ApiException e) {
      return error(e.code(), e.getMessage(), e.param(), requestId);
    } catch (RuntimeException e) {
      log.error("MCP tool {} failed (request {})", request.name(), requestId, e);
      return error(ErrorCode.INTERNAL_ERROR, "internal error", null, requestId);
    }
  }

  private CallToolResult error(ErrorCode code, String message, String param, Object requestId) {
    var error = new LinkedHashMap<String, Object>();
    error.put("code", code.wire());
    error.put("message", message);
    if (param != null) {
      error.put("param", param);
    }
    if (requestId != null) {
      error.put("request_id", requestId.toString());
    }
    return CallToolResult.builder()
        .addTextContent(code.wire() + ": " + message)
        .structuredContent(Map.of("error", error))
        .isError(true)
        .build();
  }

  private Object createVideo(Caller caller, Map<String, Object> arguments) {
    limits.admit(caller.accountId(), true);
    var fields = new LinkedHashMap<>(arguments);
    Object given = fields.remove("idempotency_key");
    String key =
        given == null ? UUID.randomUUID().toString() : IdempotencyKeys.checkKey(given.toString());
    // Through the same strict parser as an HTTP body: no coercion, unknown fields refused.
    var body = StrictJson.parseObject(json.writeValueAsBytes(fields));
    var accepted = submissions.submit(caller, key, body, null);
    Map<String, Object> result = new LinkedHashMap<>(json.readValue(accepted.body(), MAP));
    // What the REST API says in its Idempotent-Replayed header.
    result.put("replayed", accepted.replayed());
    return result;
  }

  private Object getTask(Caller caller, Map<String, Object> arguments) {
    limits.admit(caller.accountId(), false);
    return find(caller, arguments.get("id"));
  }

  /**
   * Watches the task in the database, which costs the account one request however long it waits; a
   * task still processing at the timeout is returned as it is.
   */
  private Object waitForTask(Caller caller, Map<String, Object> arguments) {
    limits.admit(caller.accountId(), false);
    Duration timeout =
        arguments.get("timeout_seconds") instanceof Number n
            ? Duration.ofSeconds(Math.clamp(n.longValue(), 1, MAX_WAIT.toSeconds()))
            : DEFAULT_WAIT;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      TaskView task = find(caller, arguments.get("id"));
      long left = deadline - System.nanoTime();
      if (!"processing".equals(task.status()) || left <= 0) {
        return task;
      }
      try {
        Thread.sleep(Duration.ofNanos(Math.min(left, POLL.toNanos())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return task;
      }
    }
  }

  private TaskView find(Caller caller, Object id) {
    return views
        .findOwned(String.valueOf(id), caller.accountId())
        .orElseThrow(() -> ApiException.notFound("task not found"));
  }
}
