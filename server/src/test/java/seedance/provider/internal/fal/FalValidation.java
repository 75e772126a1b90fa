package seedance.provider.internal.fal;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake's input checks, after fal's Seedance 2.0 schemas (§2.3): problems come back as fal's 422
 * {@code detail} items. Stricter than fal in one way, on purpose: fields an endpoint does not take
 * are refused, so an adapter that sends image fields to text-to-video is caught.
 */
final class FalValidation {

  /** A prompt containing this is refused the way fal's moderation refuses prompts. */
  static final String FORBIDDEN_WORD = "forbidden-content";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> COMMON =
      Set.of("prompt", "duration", "aspect_ratio", "resolution", "generate_audio", "seed");
  private static final Map<String, Set<String>> EXTRA =
      Map.of(
          "text-to-video", Set.of(),
          "image-to-video", Set.of("image_url", "end_image_url"),
          "reference-to-video", Set.of("image_urls", "video_urls", "audio_urls"));
  private static final Set<String> ASPECT_RATIOS =
      Set.of("21:9", "16:9", "4:3", "1:1", "3:4", "9:16", "auto");
  private static final Set<String> DURATIONS =
      Set.of("auto", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15");

  ArrayNode check(String endpoint, JsonNode input) {
    ArrayNode problems = NODES.arrayNode();
    String mode = endpoint.substring(endpoint.lastIndexOf('/') + 1);
    for (var field : input.properties()) {
      if (!COMMON.contains(field.getKey()) && !EXTRA.get(mode).contains(field.getKey())) {
        problems.add(problem(field.getKey(), "Extra inputs are not permitted", "extra_forbidden"));
      }
    }
    JsonNode prompt = input.path("prompt");
    if (!prompt.isString() || prompt.asString().isBlank()) {
      problems.add(problem("prompt", "Field required", "missing"));
    } else if (prompt.asString().contains(FORBIDDEN_WORD)) {
      problems.add(contentPolicy(prompt.asString()));
    }
    JsonNode duration = input.path("duration");
    if (!duration.isMissingNode() && !duration.isString()) {
      problems.add(problem("duration", "Input should be a valid string", "string_type"));
    } else if (duration.isString() && !DURATIONS.contains(duration.asString())) {
      problems.add(problem("duration", "Input should be 'auto' or '4'..'15'", "literal_error"));
    }
    String ratio = input.path("aspect_ratio").asString("auto");
    if (!ASPECT_RATIOS.contains(ratio)) {
      problems.add(problem("aspect_ratio", "Input should be one of " + ASPECT_RATIOS, "enum"));
    }
    boolean lite = endpoint.contains("/fast/") || endpoint.contains("/mini/");
    Set<String> resolutions = lite ? Set.of("480p", "720p") : Set.of("480p", "720p", "1080p");
    if (!resolutions.contains(input.path("resolution").asString("720p"))) {
      problems.add(problem("resolution", "Input should be one of " + resolutions, "enum"));
    }
    if (input.has("generate_audio") && !input.path("generate_audio").isBoolean()) {
      problems.add(problem("generate_audio", "Input should be a valid boolean", "bool_type"));
    }
    if (input.has("seed") && !input.path("seed").isIntegralNumber()) {
      problems.add(problem("seed", "Input should be a valid integer", "int_type"));
    }
    if (mode.equals("image-to-video") && !isUrl(input.path("image_url"))) {
      problems.add(problem("image_url", "Field required", "missing"));
    }
    if (mode.equals("reference-to-video")) {
      int images = input.path("image_urls").size();
      int videos = input.path("video_urls").size();
      if (images + videos == 0) {
        problems.add(
            problem("image_urls", "At least one image or video is required", "value_error"));
      }
      if (images > 9) {
        problems.add(problem("image_urls", "At most 9 images", "too_long"));
      }
      if (videos > 3) {
        problems.add(problem("video_urls", "At most 3 videos", "too_long"));
      }
    }
    return problems;
  }

  static String contentPolicyBody(String prompt) {
    ObjectNode body = NODES.objectNode();
    body.set("detail", NODES.arrayNode().add(contentPolicy(prompt)));
    return body.toString();
  }

  private static ObjectNode contentPolicy(String prompt) {
    ObjectNode item =
        problem(
            "prompt",
            "The content could not be processed because it contained material flagged by a"
                + " content checker.",
            FalHttp.CONTENT_POLICY);
    item.put("url", "https://docs.fal.ai/errors#content_policy_violation");
    item.put("input", prompt);
    return item;
  }

  private static boolean isUrl(JsonNode value) {
    return value.isString()
        && (value.asString().startsWith("https://") || value.asString().startsWith("http://"));
  }

  private static ObjectNode problem(String field, String msg, String type) {
    ObjectNode item = NODES.objectNode();
    item.set("loc", NODES.arrayNode().add("body").add(field));
    item.put("msg", msg);
    item.put("type", type);
    return item;
  }
}
