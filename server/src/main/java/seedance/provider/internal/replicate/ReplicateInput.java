package seedance.provider.internal.replicate;

import java.util.Set;
import seedance.provider.GenerationRequest;
import seedance.provider.ProviderException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Our request as the {@code input} object of a Replicate prediction. Everything Replicate cannot do
 * is refused here, before the paid create call.
 */
final class ReplicateInput {

  /** The stored Replicate pages show no other values; 4k and 1080p-plus have no Replicate model. */
  private static final Set<String> RESOLUTIONS = Set.of("720p", "1080p");

  private ReplicateInput() {}

  static ObjectNode of(GenerationRequest request) {
    if (!RESOLUTIONS.contains(request.resolution())) {
      throw unsupported("resolution " + request.resolution() + " is not available on Replicate");
    }
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    input.put("prompt", request.upstreamPrompt());
    switch (request.mode()) {
      case "text-to-video" -> {}
      case "image-to-video" -> {
        if (request.startImage() == null) {
          throw unsupported("image-to-video needs a start image");
        }
        input.put("image", request.startImage().url());
        if (request.endImage() != null) {
          input.put("last_frame_image", request.endImage().url());
        }
      }
      case "media-to-video" -> references(request, input);
      default -> throw unsupported("mode " + request.mode() + " is not available on Replicate");
    }
    if (request.aspectRatio() != null) {
      input.put("aspect_ratio", request.aspectRatio());
    }
    input.put("duration", request.durationSeconds());
    input.put("resolution", request.resolution());
    input.put("generate_audio", request.generateAudio());
    input.put("seed", request.seed());
    return input;
  }

  /**
   * Replicate refuses a first frame together with reference images, and silently dropping either
   * would make a video the user did not ask for.
   */
  private static void references(GenerationRequest request, ObjectNode input) {
    if (request.startImage() != null || request.endImage() != null) {
      throw unsupported("Replicate cannot combine start or end frames with reference media");
    }
    var references = request.references();
    putUrls(input, "reference_images", references.images());
    putUrls(input, "reference_videos", references.videos());
  }

  private static void putUrls(ObjectNode input, String field, java.util.List<String> urls) {
    if (!urls.isEmpty()) {
      ArrayNode array = input.putArray(field);
      urls.forEach(array::add);
    }
  }

  static ProviderException unsupported(String message) {
    return new ProviderException(
        ProviderException.Kind.REJECTED, "unsupported_request", message, null);
  }
}
