package seedance.provider.internal.fal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import seedance.provider.Callbacks;
import seedance.provider.GenerationRequest;
import seedance.provider.GenerationStatus;
import seedance.provider.ProviderException;
import seedance.provider.ProviderException.Kind;
import seedance.provider.VideoProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seedance 2.0 through fal's queue: submit posts the input to the mode's endpoint, poll reads the
 * request's status and, once fal says COMPLETED, its result. The provider id is {@link
 * FalRequestId}'s {@code <app>|<request_id>}. fal gives no last frame, so succeeded statuses carry
 * none.
 */
class FalProvider implements VideoProvider {

  static final String NAME = "fal";

  private static final Logger log = LoggerFactory.getLogger(FalProvider.class);

  private final FalSettings settings;
  private final FalHttp http;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Callbacks callbacks;

  FalProvider(FalSettings settings) {
    this(settings, null);
  }

  /** {@code callbacks} may be null: then fal is only polled. */
  FalProvider(FalSettings settings, Callbacks callbacks) {
    this.settings = settings;
    this.http = new FalHttp(settings, json);
    this.callbacks = callbacks;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** fal resells only the standard models: no face (real) or filter-off (wild) variant. */
  @Override
  public boolean servesChannel(String channel) {
    return "standard".equals(channel);
  }

  @Override
  public String submit(GenerationRequest request) {
    FalInput input = FalInput.of(request, settings);
    var answer =
        http.send(
            "POST",
            URI.create(settings.queueUrl() + "/" + input.endpoint() + webhook(request)),
            json.writeValueAsString(input.body()),
            "fal submit");
    if (!answer.ok()) {
      throw http.submitFailure(answer);
    }
    String requestId = answer.body().path("request_id").asString("");
    try {
      return FalRequestId.fromSubmit(
              settings.queueUrl(),
              input.endpoint(),
              requestId,
              answer.body().path("status_url").asString(null))
          .encoded();
    } catch (IllegalArgumentException e) {
      // fal took the request but we cannot tell which one it is: it may run and be billed.
      throw new ProviderException(
          Kind.AMBIGUOUS,
          null,
          http.redact(
              "fal submit: answer without a usable request_id: " + FalHttp.describe(answer)),
          e);
    }
  }

  /** fal posts to it once the request is done; the worker re-reads the status, never the body. */
  private String webhook(GenerationRequest request) {
    if (callbacks == null) {
      return "";
    }
    return callbacks
        .url(NAME, request.taskId())
        .map(url -> "?fal_webhook=" + URLEncoder.encode(url, StandardCharsets.UTF_8))
        .orElse("");
  }

  @Override
  public GenerationStatus poll(String upstreamId, GenerationRequest request) {
    FalRequestId id = FalRequestId.parse(upstreamId);
    var answer = http.send("GET", id.statusUrl(settings.queueUrl()), null, "fal status");
    if (!answer.ok()) {
      throw http.readFailure(answer, "fal status");
    }
    JsonNode body = answer.body();
    String status = body.path("status").asString("");
    return switch (status) {
      case "IN_QUEUE", "IN_PROGRESS" -> GenerationStatus.running();
      case "COMPLETED" -> completed(id, body);
      default -> {
        // Never settle on a state we do not know: a wrong "failed" refunds a video fal may bill.
        log.warn(
            "fal request {} has unknown status {}; treating it as running", upstreamId, status);
        yield GenerationStatus.running();
      }
    };
  }

  private GenerationStatus completed(FalRequestId id, JsonNode status) {
    if (hasError(status)) {
      return failed(status, status.path("error").asString(""), status.path("error_type"));
    }
    var answer = http.send("GET", id.resultUrl(settings.queueUrl()), null, "fal result");
    int code = answer.status();
    // Our own account or rate limit is not the generation's failure: let the worker retry.
    if (code == 401 || code == 403 || code == 429) {
      throw http.readFailure(answer, "fal result");
    }
    if (!answer.ok()) {
      String failure = FalHttp.isContentPolicy(answer) ? "content_rejected" : "generation_failed";
      return GenerationStatus.failed(failure, message(failure, FalHttp.describe(answer)));
    }
    JsonNode result = answer.body();
    String videoUrl = result.path("video").path("url").asString("");
    if (videoUrl.isEmpty()) {
      return GenerationStatus.failed(
          "generation_failed", "fal reported the request completed but returned no video");
    }
    JsonNode seed = result.path("seed");
    return GenerationStatus.succeededRemote(
        videoUrl, null, seed.isIntegralNumber() ? seed.asLong() : null, usage(id, result));
  }

  private static boolean hasError(JsonNode status) {
    JsonNode error = status.path("error");
    return !error.isMissingNode() && !error.isNull() && !error.asString("x").isEmpty();
  }

  private static GenerationStatus failed(JsonNode status, String error, JsonNode errorType) {
    boolean policy =
        FalHttp.CONTENT_POLICY.equals(errorType.asString(""))
            || error.contains(FalHttp.CONTENT_POLICY);
    String code = policy ? "content_rejected" : "generation_failed";
    String detail = error.isEmpty() ? status.toString() : error;
    if (!errorType.asString("").isEmpty()) {
      detail = detail + " (" + errorType.asString("") + ")";
    }
    return GenerationStatus.failed(code, message(code, detail));
  }

  private static String message(String code, String detail) {
    String lead =
        code.equals("content_rejected")
            ? "The video was rejected by content moderation"
            : "The video could not be generated";
    return detail.isBlank() ? lead : lead + ": " + detail;
  }

  /**
   * What fal reported about the output, minus its URL (which expires and is stored elsewhere); fal
   * reports no duration or tokens, so the file's own fields are all there is.
   */
  private String usage(FalRequestId id, JsonNode result) {
    ObjectNode usage = json.createObjectNode();
    usage.put("provider", NAME);
    usage.put("app", id.app());
    JsonNode video = result.path("video");
    if (video.isObject()) {
      ObjectNode file = ((ObjectNode) video).deepCopy();
      file.remove("url");
      usage.set("video", file);
    }
    for (var field : result.properties()) {
      if (!field.getKey().equals("video")) {
        usage.set(field.getKey(), field.getValue());
      }
    }
    return json.writeValueAsString(usage);
  }

  /** Queued requests are dropped by fal; running ones get a signal the model may ignore. */
  @Override
  public void cancel(String upstreamId) {
    try {
      FalRequestId id = FalRequestId.parse(upstreamId);
      var answer = http.send("PUT", id.cancelUrl(settings.queueUrl()), null, "fal cancel");
      log.info(
          "fal cancel of {}: HTTP {} {}",
          upstreamId,
          answer.status(),
          answer.body().path("status").asString(""));
    } catch (ProviderException | IllegalArgumentException e) {
      log.warn("fal cancel of {} failed: {}", upstreamId, e.getMessage());
    }
  }
}
