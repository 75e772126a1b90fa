package seedance.provider.internal.fal;

import java.util.Set;
import seedance.provider.GenerationRequest;
import seedance.provider.ProviderException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Our request in fal's terms (§7.2 of the upstream research): the endpoint to post to and its input
 * body. Anything fal cannot do is refused here, before anything is sent or paid for.
 *
 * @param endpoint the model path plus the mode path, e.g. {@code
 *     bytedance/seedance-2.0/fast/image-to-video}
 */
record FalInput(String endpoint, ObjectNode body) {

  static final String UNSUPPORTED = "unsupported_request";

  private static final Set<String> RESOLUTIONS = Set.of("720p", "1080p");

  static FalInput of(GenerationRequest request, FalSettings settings) {
    String model = request.modelOr(settings.modelByTier().get(request.qualityTier()));
    if (model == null) {
      throw unsupported("quality_tier " + request.qualityTier() + " has no fal model configured");
    }
    if (request.channel() != null && !request.channel().equals("standard")) {
      throw unsupported("channel " + request.channel() + " is not available on fal");
    }
    if (!RESOLUTIONS.contains(request.resolution())) {
      throw unsupported("resolution " + request.resolution() + " is not available on fal");
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("prompt", request.upstreamPrompt());
    String modePath =
        switch (request.mode()) {
          case "text-to-video" -> "text-to-video";
          case "image-to-video" -> {
            if (request.startImage() == null) {
              throw unsupported("image-to-video needs a start image");
            }
            body.put("image_url", request.startImage().url());
            if (request.endImage() != null) {
              body.put("end_image_url", request.endImage().url());
            }
            yield "image-to-video";
          }
          case "media-to-video" -> {
            references(request, body);
            yield "reference-to-video";
          }
          default -> throw unsupported("mode " + request.mode() + " is not available on fal");
        };
    body.put(
        "aspect_ratio", "adaptive".equals(request.aspectRatio()) ? "auto" : request.aspectRatio());
    // fal takes the duration as a string ("auto" or "4".."15"), unlike Ark and Replicate.
    body.put("duration", Integer.toString(request.durationSeconds()));
    body.put("resolution", request.resolution());
    body.put("generate_audio", request.generateAudio());
    body.put("seed", request.seed());
    return new FalInput(model + "/" + modePath, body);
  }

  private static void references(GenerationRequest request, ObjectNode body) {
    if (request.media() == null || request.media().isEmpty()) {
      throw unsupported("media-to-video needs media");
    }
    var references = request.references();
    putUrls(body, "image_urls", references.images());
    putUrls(body, "video_urls", references.videos());
  }

  private static void putUrls(ObjectNode body, String field, java.util.List<String> urls) {
    if (!urls.isEmpty()) {
      ArrayNode array = body.putArray(field);
      urls.forEach(array::add);
    }
  }

  private static ProviderException unsupported(String message) {
    return new ProviderException(ProviderException.Kind.REJECTED, UNSUPPORTED, message, null);
  }
}
