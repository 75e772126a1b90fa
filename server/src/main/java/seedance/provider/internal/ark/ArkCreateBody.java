package seedance.provider.internal.ark;

import java.util.Set;
import seedance.provider.GenerationRequest;
import seedance.provider.GenerationRequest.InputMedia;
import seedance.provider.ProviderException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Our request as Ark's create body (research §7.2). */
final class ArkCreateBody {

  private static final Set<String> NATIVE_RESOLUTIONS = Set.of("720p", "1080p");

  private ArkCreateBody() {}

  static ObjectNode of(GenerationRequest request, ArkSettings settings, JsonMapper json) {
    String model = request.modelOr(settings.modelsByTier().get(request.qualityTier()));
    if (model == null) {
      throw unsupported("no Ark model is configured for quality tier " + request.qualityTier());
    }
    ObjectNode body = json.createObjectNode();
    body.put("model", model);
    ArrayNode content = body.putArray("content");
    content.addObject().put("type", "text").put("text", request.upstreamPrompt());
    switch (request.mode()) {
      case "text-to-video" -> {}
      case "image-to-video" -> {
        frame(content, request.startImage(), "first_frame");
        frame(content, request.endImage(), "last_frame");
      }
      case "media-to-video" -> {
        for (InputMedia media : request.media()) {
          reference(content, media);
        }
      }
      default -> throw unsupported("Ark has no mapping for mode " + request.mode());
    }
    body.put("ratio", request.aspectRatio());
    body.put("duration", request.durationSeconds());
    body.put("resolution", resolution(request.resolution(), settings));
    body.put("generate_audio", request.generateAudio());
    // Whether 2.0 models take a seed is documented both ways (research §7.2), so Ark gets one only
    // when the user asked for it; Ark reports the seed it used either way.
    if (request.requestedSeed() != null) {
      body.put("seed", request.requestedSeed());
    }
    body.put("return_last_frame", true);
    body.put("watermark", false);
    // Ark echoes it in get and list: the only handle to find a task whose create timed out.
    body.put("safety_identifier", request.taskId());
    return body;
  }

  private static void frame(ArrayNode content, InputMedia image, String role) {
    if (image != null) {
      ObjectNode item = content.addObject().put("type", "image_url");
      item.putObject("image_url").put("url", image.url());
      item.put("role", role);
    }
  }

  /** By the type probed from the fetched bytes, not by what the URL's name claims. */
  private static void reference(ArrayNode content, InputMedia media) {
    boolean video = media.type() != null && media.type().startsWith("video/");
    String type = video ? "video_url" : "image_url";
    ObjectNode item = content.addObject().put("type", type);
    item.putObject(type).put("url", media.url());
    item.put("role", video ? "reference_video" : "reference_image");
  }

  private static String resolution(String resolution, ArkSettings settings) {
    if (NATIVE_RESOLUTIONS.contains(resolution)
        || ("4k".equals(resolution) && settings.allow4k())) {
      return resolution;
    }
    throw unsupported("Ark cannot render resolution " + resolution + " on this account");
  }

  private static ProviderException unsupported(String message) {
    return new ProviderException(
        ProviderException.Kind.REJECTED, "unsupported_request", message, null);
  }
}
