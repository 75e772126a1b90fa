package seedance.docs.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.springframework.stereotype.Component;
import seedance.video.SubmitContract;
import seedance.video.SubmitContract.Field;
import seedance.web.ErrorCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.1 document, built as a JSON tree from the same facts as the other docs. Built by
 * hand rather than by springdoc: the controllers read raw bodies through a strict parser, so
 * annotations would describe nothing the parser enforces.
 */
@Component
class OpenApiDocument {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ERROR_REF = "#/components/responses/";

  private final ApiFacts facts;

  OpenApiDocument(ApiFacts facts) {
    this.facts = facts;
  }

  ObjectNode build(String base) {
    var t = DocsText.of(DocsText.ENGLISH);
    var doc = NODES.objectNode();
    doc.put("openapi", "3.1.1");
    var info = doc.putObject("info");
    info.put("title", t.get("title"));
    info.put("version", "1.0.0");
    info.put("description", t.get("tagline"));
    doc.putArray("servers").addObject().put("url", base);
    doc.putArray("security").addObject().putArray("bearer");
    var paths = doc.putObject("paths");
    paths.putObject(SubmitContract.PATH).set("post", submit(t));
    paths.putObject(ApiFacts.TASK_PATH).set("get", task(t));
    paths.putObject(ApiFacts.ACCOUNT_PATH).set("get", account(t));
    doc.set("components", components(t));
    return doc;
  }

  private ObjectNode submit(DocsText t) {
    var op = NODES.objectNode();
    op.put("operationId", "createVideo");
    op.put("summary", "Submit a Seedance 2.0 video job");
    op.put("description", t.get("submit.text"));
    var params = op.putArray("parameters");
    params.addObject().put("$ref", "#/components/parameters/IdempotencyKey");
    params.addObject().put("$ref", "#/components/parameters/SandboxOutcome");
    var body = op.putObject("requestBody");
    body.put("required", true);
    var media = body.putObject("content").putObject("application/json");
    media.putObject("schema").put("$ref", "#/components/schemas/SubmitRequest");
    var examples = media.putObject("examples");
    for (var e : ApiFacts.EXCHANGES) {
      if (e.path().equals(SubmitContract.PATH) && e.status() == 202) {
        examples.putObject(e.id()).set("value", JSON.readTree(e.requestBody()));
      }
    }
    var responses = op.putObject("responses");
    var accepted = response(t.get("submit.title"), "SubmitAccepted", rateHeaders());
    ((ObjectNode) accepted.get("headers"))
        .putObject("Idempotent-Replayed")
        .put("description", t.get("header.Idempotent-Replayed"))
        .putObject("schema")
        .put("type", "string")
        .putArray("enum")
        .add("true");
    exampleOf(accepted, ApiFacts.ACCEPTED_BODY);
    responses.set("202", accepted);
    for (ErrorCode code :
        List.of(
            ErrorCode.INVALID_REQUEST,
            ErrorCode.UNAUTHORIZED,
            ErrorCode.INSUFFICIENT_CREDITS,
            ErrorCode.IDEMPOTENCY_CONFLICT,
            ErrorCode.RATE_LIMITED,
            ErrorCode.SERVICE_BUSY,
            ErrorCode.INTERNAL_ERROR)) {
      responses.putObject(Integer.toString(code.status())).put("$ref", ERROR_REF + code.wire());
    }
    return op;
  }

  private ObjectNode task(DocsText t) {
    var op = NODES.objectNode();
    op.put("operationId", "getTask");
    op.put("summary", "Read a task's status and output");
    op.put("description", t.get("task.text"));
    var id = op.putArray("parameters").addObject();
    id.put("name", "id").put("in", "path").put("required", true);
    id.putObject("schema").put("type", "string").put("pattern", "^sd2_[0-9A-Za-z]{24}$");
    id.put("example", "sd2_xxxxx");
    var responses = op.putObject("responses");
    var ok = response(t.get("task.title"), "Task", rateHeaders());
    var examples = ((ObjectNode) ok.get("content").get("application/json")).putObject("examples");
    examples
        .putObject("processing")
        .set("value", JSON.readTree(ApiFacts.exchange("task-processing").responseBody()));
    examples.putObject("completed").set("value", JSON.readTree(ApiFacts.COMPLETED_TASK));
    examples.putObject("failed").set("value", JSON.readTree(ApiFacts.FAILED_TASK));
    responses.set("200", ok);
    for (ErrorCode code :
        List.of(
            ErrorCode.UNAUTHORIZED,
            ErrorCode.NOT_FOUND,
            ErrorCode.RATE_LIMITED,
            ErrorCode.INTERNAL_ERROR)) {
      responses.putObject(Integer.toString(code.status())).put("$ref", ERROR_REF + code.wire());
    }
    return op;
  }

  private ObjectNode account(DocsText t) {
    var op = NODES.objectNode();
    op.put("operationId", "getAccount");
    op.put("summary", "The key's account and its credit balance");
    op.put("description", t.get("account.text"));
    var responses = op.putObject("responses");
    var ok = response(t.get("account.title"), "Account", rateHeaders());
    exampleOf(ok, "{\"id\":\"acct_xxxxx\",\"email\":\"me@example.com\",\"balance\":70}");
    responses.set("200", ok);
    for (ErrorCode code :
        List.of(ErrorCode.UNAUTHORIZED, ErrorCode.RATE_LIMITED, ErrorCode.INTERNAL_ERROR)) {
      responses.putObject(Integer.toString(code.status())).put("$ref", ERROR_REF + code.wire());
    }
    return op;
  }

  private ObjectNode components(DocsText t) {
    var components = NODES.objectNode();
    var schemas = components.putObject("schemas");
    schemas.set("SubmitRequest", submitSchema(t));
    schemas.set("SubmitAccepted", objectSchema(ApiFacts.ACCEPTED, Map.of()));
    schemas.set(
        "Task",
        objectSchema(
            ApiFacts.TASK,
            Map.of(
                "output", "#/components/schemas/TaskOutput",
                "error", "#/components/schemas/TaskError")));
    ((ObjectNode) schemas.get("Task").get("properties").get("status"))
        .set("enum", strings(ApiFacts.TASK_STATUSES));
    schemas.set("TaskOutput", objectSchema(ApiFacts.OUTPUT, Map.of()));
    schemas.set("TaskError", objectSchema(ApiFacts.TASK_ERROR, Map.of()));
    ((ObjectNode) schemas.get("TaskError").get("properties").get("code"))
        .set("examples", strings(ApiFacts.TASK_ERROR_CODES));
    schemas.set("Account", objectSchema(ApiFacts.ACCOUNT, Map.of()));
    var error = objectSchema(ApiFacts.ERROR, Map.of());
    var required = NODES.arrayNode().add("code").add("message").add("request_id");
    error.set("required", required);
    ((ObjectNode) error.get("properties").get("code"))
        .set("enum", strings(ApiFacts.ERROR_CODES.stream().map(ErrorCode::wire).toList()));
    var envelope = NODES.objectNode().put("type", "object").put("additionalProperties", false);
    envelope.putArray("required").add("error");
    envelope.putObject("properties").set("error", error);
    schemas.set("Error", envelope);

    var parameters = components.putObject("parameters");
    var key = parameters.putObject("IdempotencyKey");
    key.put("name", ApiFacts.idempotencyHeader()).put("in", "header").put("required", true);
    key.put("description", t.get("header.Idempotency-Key", Map.of("max", 255)));
    key.putObject("schema")
        .put("type", "string")
        .put("minLength", 1)
        .put("maxLength", ApiFacts.IDEMPOTENCY_KEY_MAX)
        .put("pattern", "^[!-~]+$");
    key.put("example", "demo-video-001");
    var sandbox = parameters.putObject("SandboxOutcome");
    sandbox.put("name", ApiFacts.SANDBOX_HEADER).put("in", "header").put("required", false);
    sandbox.put("description", t.get("header.X-Sandbox-Outcome"));
    sandbox.putObject("schema").put("type", "string").putArray("enum").add("failed");

    var responses = components.putObject("responses");
    for (ErrorCode code : ApiFacts.ERROR_CODES) {
      var headers = NODES.objectNode();
      headers.putObject("X-Request-Id").putObject("schema").put("type", "string");
      if (ApiFacts.retryable(code) && code != ErrorCode.INTERNAL_ERROR) {
        headers
            .putObject("Retry-After")
            .put("description", t.get("header.Retry-After"))
            .putObject("schema")
            .put("type", "integer")
            .put("minimum", 0);
      }
      var r = response(t.get("error." + code.wire(), limits()), "Error", headers);
      var example =
          ApiFacts.EXCHANGES.stream()
              .filter(e -> e.responseBody().contains("\"code\":\"" + code.wire() + "\""))
              .findFirst();
      exampleOf(
          r,
          example.isPresent()
              ? example.get().responseBody()
              : "{\"error\":{\"code\":\""
                  + code.wire()
                  + "\",\"message\":\"...\",\"request_id\":\"req_xxxxx\"}}");
      responses.set(code.wire(), r);
    }

    var security = components.putObject("securitySchemes").putObject("bearer");
    security.put("type", "http").put("scheme", "bearer").put("bearerFormat", "sk_live_...");
    security.put("description", t.get("auth.text"));
    return components;
  }

  private ObjectNode submitSchema(DocsText t) {
    var schema = NODES.objectNode();
    schema.put("type", "object").put("additionalProperties", false);
    var required = schema.putArray("required");
    var properties = schema.putObject("properties");
    for (Field f : SubmitContract.FIELDS) {
      if (f.required()) {
        required.add(f.name());
      }
      properties.set(f.name(), fieldSchema(f, t));
    }
    var rules = schema.putArray("allOf");
    // resolution 1080p-plus / 4k => quality_tier pro
    var proOnly = rules.addObject();
    var ifResolution = proOnly.putObject("if");
    ifResolution
        .putObject("properties")
        .putObject("resolution")
        .set("enum", strings(SubmitContract.PRO_ONLY_RESOLUTIONS.stream().sorted().toList()));
    ifResolution.putArray("required").add("resolution");
    var thenPro = proOnly.putObject("then");
    thenPro.putObject("properties").putObject("quality_tier").put("const", SubmitContract.PRO_TIER);
    thenPro.putArray("required").add("quality_tier");
    // image-to-video needs image_url; only it may have image_url / end_image_url
    var image = rules.addObject();
    modeIf(image, SubmitContract.IMAGE_MODE);
    image.putObject("then").putArray("required").add("image_url");
    var notImage = image.putObject("else").putObject("not").putArray("anyOf");
    notImage.addObject().putArray("required").add("image_url");
    notImage.addObject().putArray("required").add("end_image_url");
    var media = rules.addObject();
    modeIf(media, SubmitContract.MEDIA_MODE);
    media.putObject("then").putArray("required").add("media_urls");
    media.putObject("else").putObject("not").putArray("required").add("media_urls");
    // seed is refused on the real channel and the mini tier
    var seed = rules.addObject();
    seed.putObject("if").putArray("required").add("seed");
    var seedProps = seed.putObject("then").putObject("properties");
    seedProps.putObject("channel").putObject("not").put("const", SubmitContract.SEEDLESS_CHANNEL);
    seedProps.putObject("quality_tier").putObject("not").put("const", SubmitContract.SEEDLESS_TIER);
    return schema;
  }

  private static void modeIf(ObjectNode rule, String mode) {
    var condition = rule.putObject("if");
    condition.putObject("properties").putObject("mode").put("const", mode);
    condition.putArray("required").add("mode");
  }

  private static ObjectNode fieldSchema(Field f, DocsText t) {
    var s = NODES.objectNode();
    s.put("description", t.get("param." + f.name()));
    switch (f.kind()) {
      case CHOICE -> {
        s.put("type", "string");
        s.set("enum", strings(f.allowed()));
      }
      case TEXT -> s.put("type", "string").put("minLength", f.min()).put("maxLength", f.max());
      case SECONDS -> {
        s.put("type", "string");
        s.set(
            "enum",
            strings(LongStream.rangeClosed(f.min(), f.max()).mapToObj(Long::toString).toList()));
      }
      case URL -> urlSchema(s);
      case URL_LIST -> {
        s.put("type", "array").put("minItems", f.min()).put("maxItems", f.max());
        urlSchema(s.putObject("items"));
      }
      case BOOLEAN -> s.put("type", "boolean");
      case INTEGER -> s.put("type", "integer").put("minimum", f.min()).put("maximum", f.max());
    }
    if (f.defaultValue() != null) {
      s.set("default", JSON.valueToTree(f.defaultValue()));
    }
    s.putArray("examples").add(JSON.<JsonNode>valueToTree(f.example()));
    return s;
  }

  private static void urlSchema(ObjectNode s) {
    s.put("type", "string").put("format", "uri").put("maxLength", 2048).put("pattern", "^https://");
  }

  private static ObjectNode objectSchema(
      List<ApiFacts.Property> properties, Map<String, String> refs) {
    var schema = NODES.objectNode();
    schema.put("type", "object");
    var required = schema.putArray("required");
    var props = schema.putObject("properties");
    for (var p : properties) {
      if (!p.name().equals("param")) {
        required.add(p.name());
      }
      var prop = props.putObject(p.name());
      if (refs.containsKey(p.name())) {
        var oneOf = prop.putArray("oneOf");
        oneOf.addObject().put("$ref", refs.get(p.name()));
        oneOf.addObject().put("type", "null");
      } else if (p.nullable()) {
        prop.putArray("type").add(p.type()).add("null");
      } else {
        prop.put("type", p.type());
      }
    }
    return schema;
  }

  private static ObjectNode response(String description, String schema, ObjectNode headers) {
    var r = NODES.objectNode();
    r.put("description", description);
    r.set("headers", headers);
    r.putObject("content")
        .putObject("application/json")
        .putObject("schema")
        .put("$ref", "#/components/schemas/" + schema);
    return r;
  }

  private static void exampleOf(ObjectNode response, String json) {
    ((ObjectNode) response.get("content").get("application/json"))
        .set("example", JSON.readTree(json));
  }

  private ObjectNode rateHeaders() {
    var t = DocsText.of(DocsText.ENGLISH);
    var headers = NODES.objectNode();
    headers.putObject("X-Request-Id").put("description", t.get("header.X-Request-Id"));
    headers
        .putObject("RateLimit-Policy")
        .put("description", t.get("header.RateLimit-Policy", limits()));
    headers.putObject("RateLimit").put("description", t.get("header.RateLimit"));
    headers
        .properties()
        .forEach(e -> ((ObjectNode) e.getValue()).putObject("schema").put("type", "string"));
    return headers;
  }

  private Map<String, Object> limits() {
    return Map.of("limit", facts.rateLimit(), "window", facts.rateWindowSeconds());
  }

  private static ArrayNode strings(List<String> values) {
    var array = NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }
}
