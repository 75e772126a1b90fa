package seedance.provider.internal.replicate;

import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import seedance.provider.Callbacks;
import seedance.provider.GenerationRequest;
import seedance.provider.GenerationStatus;
import seedance.provider.ProviderException;
import seedance.provider.ProviderException.Kind;
import seedance.provider.VideoProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seedance 2.0 through Replicate's official models. Creates predictions without {@code Prefer:
 * wait}: the worker polls, and holding a connection open for a minute would only widen the window
 * in which a dropped connection leaves us unsure whether we paid.
 */
class ReplicateProvider implements VideoProvider {

  static final String NAME = "replicate";

  private static final Logger log = LoggerFactory.getLogger(ReplicateProvider.class);

  /** Prediction ids go into URL paths; anything else would let an odd answer steer our calls. */
  private static final Pattern PREDICTION_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  private final ReplicateSettings settings;
  private final ReplicateHttp http;
  private final Callbacks callbacks;

  ReplicateProvider(ReplicateSettings settings) {
    this(settings, null);
  }

  /** {@code callbacks} may be null: then Replicate is only polled. */
  ReplicateProvider(ReplicateSettings settings, Callbacks callbacks) {
    this.settings = settings;
    this.http = new ReplicateHttp(settings);
    this.callbacks = callbacks;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String submit(GenerationRequest request) {
    String model = request.modelOr(settings.models().get(request.qualityTier()));
    if (model == null) {
      throw ReplicateInput.unsupported(
          "quality tier " + request.qualityTier() + " has no model on Replicate");
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("input", ReplicateInput.of(request));
    if (callbacks != null) {
      // Only the end matters to us; the worker re-reads the prediction, never trusts the body.
      callbacks
          .url(NAME, request.taskId())
          .ifPresent(
              url -> {
                body.put("webhook", url);
                body.putArray("webhook_events_filter").add("completed");
              });
    }
    JsonNode prediction =
        http.post(
            "/models/" + model + "/predictions",
            body,
            "Replicate create on " + model,
            Kind.ACCOUNT);
    String id = prediction.path("id").asString("");
    if (!PREDICTION_ID.matcher(id).matches()) {
      // Replicate accepted the call, so a prediction may exist and be charged: not blindly
      // retryable.
      throw new ProviderException(
          Kind.AMBIGUOUS, null, "Replicate create on " + model + " answered without an id", null);
    }
    return id;
  }

  @Override
  public GenerationStatus poll(String upstreamId, GenerationRequest request) {
    JsonNode prediction =
        http.get("/predictions/" + checkedId(upstreamId), "Replicate get " + upstreamId);
    String status = prediction.path("status").asString("");
    return switch (status) {
      case "starting", "processing" -> GenerationStatus.running();
      case "succeeded" -> succeeded(upstreamId, prediction);
      case "failed", "canceled", "aborted" -> failed(status, prediction);
      default -> {
        // Never settle a paid task on a state we do not understand; keep polling and let it show.
        log.warn(
            "Replicate prediction {} has unknown status '{}'; treating as running",
            upstreamId,
            status);
        yield GenerationStatus.running();
      }
    };
  }

  @Override
  public void cancel(String upstreamId) {
    try {
      http.post(
          "/predictions/" + checkedId(upstreamId) + "/cancel",
          JsonNodeFactory.instance.objectNode(),
          "Replicate cancel " + upstreamId,
          Kind.UPSTREAM_ERROR);
    } catch (ProviderException e) {
      log.warn("Replicate cancel of {} failed: {}", upstreamId, e.getMessage());
    }
  }

  private GenerationStatus succeeded(String id, JsonNode prediction) {
    JsonNode output = prediction.path("output");
    JsonNode url = output.isArray() ? output.path(0) : output;
    if (!url.isString() || url.asString().isBlank()) {
      // Succeeded without a file is nothing the user can download; it is a failed generation.
      log.warn("Replicate prediction {} succeeded without an output URL", id);
      return GenerationStatus.failed(
          "generation_failed", "Replicate reported success but returned no video");
    }
    JsonNode seed = prediction.path("input").path("seed");
    JsonNode metrics = prediction.path("metrics");
    return GenerationStatus.succeededRemote(
        url.asString(),
        null,
        seed.isIntegralNumber() ? seed.asLong() : null,
        metrics.isObject() ? http.json().writeValueAsString(metrics) : null);
  }

  private static GenerationStatus failed(String status, JsonNode prediction) {
    JsonNode error = prediction.path("error");
    String text =
        error.isString() ? error.asString() : error.isMissingNode() ? "" : error.toString();
    if (text.isBlank() || "null".equals(text)) {
      text =
          switch (status) {
            case "canceled" -> "the generation was canceled";
            case "aborted" -> "the generation was stopped before it finished";
            default -> "the generation failed";
          };
    }
    String code = ReplicateHttp.flagged(text) ? "content_rejected" : "generation_failed";
    return GenerationStatus.failed(code, text.strip());
  }

  private static String checkedId(String id) {
    if (id == null || !PREDICTION_ID.matcher(id).matches()) {
      throw new ProviderException(
          Kind.UPSTREAM_ERROR, null, "not a Replicate prediction id: " + id, null);
    }
    return id;
  }
}
