package seedance.provider.internal.ark;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Ark's create-body validation as documented (research §1.3-1.5): strict fields, known models,
 * content roles that never mix first/last frames with references, counts and value ranges.
 */
final class ArkCreateRules {

  /** Why a body was refused, as Ark's HTTP status and error code. */
  record Refusal(int status, String code, String message) {}

  static final Map<String, Set<String>> RESOLUTIONS_BY_MODEL =
      Map.of(
          "dreamina-seedance-2-0-260128", Set.of("480p", "720p", "1080p", "4k"),
          "dreamina-seedance-2-0-fast-260128", Set.of("480p", "720p"),
          "dreamina-seedance-2-0-mini-260615", Set.of("480p", "720p"));

  private static final Set<String> FIELDS =
      Set.of(
          "model",
          "content",
          "resolution",
          "ratio",
          "duration",
          "seed",
          "watermark",
          "generate_audio",
          "return_last_frame",
          "callback_url",
          "execution_expires_after",
          "safety_identifier",
          "tools");
  private static final Set<String> RATIOS =
      Set.of("16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "adaptive");
  private static final Map<String, Set<String>> ROLES_BY_TYPE =
      Map.of(
          "image_url", Set.of("first_frame", "last_frame", "reference_image"),
          "video_url", Set.of("reference_video"),
          "audio_url", Set.of("reference_audio"));

  private ArkCreateRules() {}

  /** Null when Ark would accept the body. */
  static Refusal check(JsonNode body) {
    for (String field : body.propertyNames()) {
      if (!FIELDS.contains(field)) {
        return invalid("InvalidParameter", "unsupported parameter " + field);
      }
    }
    if (!body.path("model").isString()) {
      return invalid("MissingParameter", "model");
    }
    Set<String> resolutions = RESOLUTIONS_BY_MODEL.get(body.path("model").asString());
    if (resolutions == null) {
      return new Refusal(404, "InvalidEndpointOrModel.NotFound", "unknown model");
    }
    Refusal content = content(body.path("content"));
    if (content != null) {
      return content;
    }
    if (body.has("ratio") && !RATIOS.contains(body.path("ratio").asString(""))) {
      return invalid("InvalidParameter.Ratio", "ratio");
    }
    JsonNode duration = body.path("duration");
    if (body.has("duration")
        && !(duration.isIntegralNumber()
            && (duration.asInt() == -1 || (duration.asInt() >= 4 && duration.asInt() <= 15)))) {
      return invalid("InvalidParameter.Duration", "duration must be 4..15 or -1");
    }
    if (body.has("resolution") && !resolutions.contains(body.path("resolution").asString(""))) {
      return invalid("InvalidParameter.Resolution", "resolution not supported by this model");
    }
    JsonNode seed = body.path("seed");
    if (body.has("seed")
        && !(seed.isIntegralNumber() && seed.asLong() >= -1 && seed.asLong() <= 4294967295L)) {
      return invalid("InvalidParameter.Seed", "seed must be -1..4294967295");
    }
    for (String flag : new String[] {"watermark", "generate_audio", "return_last_frame"}) {
      if (body.has(flag) && !body.path(flag).isBoolean()) {
        return invalid("InvalidParameter", flag + " must be a boolean");
      }
    }
    JsonNode tag = body.path("safety_identifier");
    if (body.has("safety_identifier") && !(tag.isString() && tag.asString().length() <= 64)) {
      return invalid("InvalidParameter.SafetyIdentifier", "at most 64 characters");
    }
    return null;
  }

  private static Refusal content(JsonNode content) {
    if (!content.isArray() || content.isEmpty()) {
      return invalid("MissingParameter", "content");
    }
    int texts = 0;
    int first = 0;
    int last = 0;
    int images = 0;
    int videos = 0;
    int audios = 0;
    for (JsonNode item : content.values()) {
      String type = item.path("type").asString("");
      if (type.equals("text")) {
        if (!item.path("text").isString() || ++texts > 1) {
          return invalid("InvalidParameter.Content", "one text item with a text field");
        }
        continue;
      }
      Set<String> roles = ROLES_BY_TYPE.get(type);
      if (roles == null) {
        return invalid("InvalidParameter.Content", "unknown content type " + type);
      }
      if (item.path(type).path("url").asString("").isBlank()) {
        return invalid("MissingParameter", type + ".url");
      }
      String role = item.path("role").asString("first_frame");
      if (!roles.contains(role)) {
        return invalid("InvalidParameter.Role", role + " is not a role of " + type);
      }
      switch (role) {
        case "first_frame" -> first++;
        case "last_frame" -> last++;
        case "reference_image" -> images++;
        case "reference_video" -> videos++;
        default -> audios++;
      }
    }
    if ((first > 0 || last > 0) && images + videos + audios > 0) {
      return invalid("InvalidParameter.TaskTypeConstraint", "frames and references do not mix");
    }
    if (first > 1 || last > 1 || (last > 0 && first == 0)) {
      return invalid("InvalidParameter.Content", "one first frame, then at most one last frame");
    }
    if (images > 9 || videos > 3 || audios > 3) {
      return invalid("InvalidParameter.Content", "at most 9 images, 3 videos, 3 audios");
    }
    if (audios > 0 && images + videos == 0) {
      return invalid("InvalidParameter.Content", "audio needs an image or a video");
    }
    return null;
  }

  private static Refusal invalid(String code, String message) {
    return new Refusal(400, code, message);
  }
}
