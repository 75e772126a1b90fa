package seedance.provider.internal.replicate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The checks Replicate's schema for bytedance/seedance-2.0 applies to a prediction's {@code input}
 * (upstreams.md §3.1), each failure phrased as one entry of a 422 {@code invalid_fields} list.
 */
final class FakeInputValidation {

  record InvalidField(String type, String field, String description) {}

  private static final Set<String> RESOLUTIONS = Set.of("480p", "720p", "1080p");
  private static final Set<String> RATIOS =
      Set.of("16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "adaptive");

  private FakeInputValidation() {}

  static List<InvalidField> check(JsonNode body) {
    List<InvalidField> invalid = new ArrayList<>();
    JsonNode input = body.path("input");
    if (!input.isObject()) {
      invalid.add(new InvalidField("required", "input", "input is required"));
      return invalid;
    }
    if (!input.path("prompt").isString()) {
      invalid.add(new InvalidField("required", "input.prompt", "prompt is required"));
    }
    JsonNode duration = input.path("duration");
    if (!duration.isMissingNode()) {
      if (!duration.isIntegralNumber()) {
        invalid.add(new InvalidField("type", "input.duration", "Invalid type. Expected: integer"));
      } else if (duration.asInt() < -1 || duration.asInt() > 15) {
        invalid.add(
            new InvalidField(
                "number_range", "input.duration", "Must be between -1 and 15 (inclusive)"));
      }
    }
    oneOf(input, "resolution", RESOLUTIONS, invalid);
    oneOf(input, "aspect_ratio", RATIOS, invalid);
    if (!input.path("generate_audio").isMissingNode()
        && !input.path("generate_audio").isBoolean()) {
      invalid.add(
          new InvalidField("type", "input.generate_audio", "Invalid type. Expected: boolean"));
    }
    if (!input.path("seed").isMissingNode() && !input.path("seed").isIntegralNumber()) {
      invalid.add(new InvalidField("type", "input.seed", "Invalid type. Expected: integer"));
    }
    uri(input, "image", invalid);
    uri(input, "last_frame_image", invalid);
    uris(input, "reference_images", 9, invalid);
    uris(input, "reference_videos", 3, invalid);
    if (input.has("last_frame_image") && !input.has("image")) {
      invalid.add(
          new InvalidField(
              "condition", "input.last_frame_image", "last_frame_image requires image"));
    }
    if (input.has("image") && input.has("reference_images")) {
      invalid.add(
          new InvalidField(
              "condition", "input.image", "image cannot be combined with reference_images"));
    }
    return invalid;
  }

  private static void oneOf(
      JsonNode input, String field, Set<String> allowed, List<InvalidField> invalid) {
    JsonNode value = input.path(field);
    if (!value.isMissingNode() && !(value.isString() && allowed.contains(value.asString()))) {
      invalid.add(
          new InvalidField(
              "enum", "input." + field, field + " must be one of the following: " + allowed));
    }
  }

  private static void uri(JsonNode input, String field, List<InvalidField> invalid) {
    JsonNode value = input.path(field);
    if (!value.isMissingNode() && !isHttpUrl(value)) {
      invalid.add(new InvalidField("format", "input." + field, "Does not match format 'uri'"));
    }
  }

  private static void uris(JsonNode input, String field, int max, List<InvalidField> invalid) {
    JsonNode value = input.path(field);
    if (value.isMissingNode()) {
      return;
    }
    if (!value.isArray()) {
      invalid.add(new InvalidField("type", "input." + field, "Invalid type. Expected: array"));
      return;
    }
    if (value.size() > max) {
      invalid.add(
          new InvalidField(
              "array_max_items", "input." + field, "Array must have at most " + max + " items"));
    }
    for (JsonNode item : value) {
      if (!isHttpUrl(item)) {
        invalid.add(new InvalidField("format", "input." + field, "Does not match format 'uri'"));
      }
    }
  }

  private static boolean isHttpUrl(JsonNode value) {
    return value.isString()
        && (value.asString().startsWith("https://") || value.asString().startsWith("http://"));
  }
}
