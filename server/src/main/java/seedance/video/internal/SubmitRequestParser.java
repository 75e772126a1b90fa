package seedance.video.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import seedance.media.UrlPolicy;
import seedance.video.VideoParameters;
import seedance.web.ApiException;
import seedance.web.JsonObject;

/** Every field, default, range and cross-field rule of the submit contract, with no coercion. */
final class SubmitRequestParser {

  static final Set<String> FIELDS =
      Set.of(
          "mode",
          "quality_tier",
          "channel",
          "prompt",
          "aspect_ratio",
          "duration",
          "resolution",
          "image_url",
          "end_image_url",
          "media_urls",
          "generate_audio",
          "fixed_lens",
          "seed");
  static final List<String> MODES = VideoParameters.MODES;
  static final List<String> TIERS = VideoParameters.TIERS;
  static final List<String> CHANNELS = VideoParameters.CHANNELS;
  static final List<String> ASPECT_RATIOS = VideoParameters.ASPECT_RATIOS;
  static final List<String> RESOLUTIONS = VideoParameters.RESOLUTIONS;
  static final Set<String> PRO_ONLY_RESOLUTIONS = Set.of("1080p-plus", "4k");
  static final int PROMPT_MIN = 3;
  static final int PROMPT_MAX = 10_000;
  static final int MAX_MEDIA_URLS = 12;
  static final long SEED_MIN = -1;
  static final long SEED_MAX = 4_294_967_295L;
  // Exactly the strings "4" to "15": no signs, spaces, leading zeros or fractions.
  private static final Pattern DURATION = Pattern.compile("^(?:[4-9]|1[0-5])$");

  private SubmitRequestParser() {}

  static SubmitRequest parse(JsonObject body) {
    body.rejectUnknown(FIELDS);
    String mode = oneOf(body, "mode", MODES, VideoParameters.DEFAULT_MODE);
    String tier = oneOf(body, "quality_tier", TIERS, VideoParameters.DEFAULT_TIER);
    String channel = oneOf(body, "channel", CHANNELS, VideoParameters.DEFAULT_CHANNEL);
    String prompt = prompt(body);
    String aspectRatio =
        oneOf(body, "aspect_ratio", ASPECT_RATIOS, VideoParameters.DEFAULT_ASPECT_RATIO);
    String durationText = body.string("duration").orElse(VideoParameters.DEFAULT_DURATION);
    if (!DURATION.matcher(durationText).matches()) {
      throw ApiException.invalidField(
          "duration", "duration must be a string from \"4\" to \"15\" (seconds)");
    }
    String resolution = oneOf(body, "resolution", RESOLUTIONS, VideoParameters.DEFAULT_RESOLUTION);
    if (PRO_ONLY_RESOLUTIONS.contains(resolution) && !tier.equals("pro")) {
      throw ApiException.invalidField(
          "resolution", "resolution " + resolution + " is available on quality_tier pro only");
    }
    String imageUrl = url(body, "image_url");
    String endImageUrl = url(body, "end_image_url");
    List<String> mediaUrls = mediaUrls(body);
    checkMode(mode, imageUrl, endImageUrl, mediaUrls);
    boolean generateAudio =
        body.bool("generate_audio").orElse(VideoParameters.DEFAULT_GENERATE_AUDIO);
    boolean fixedLens = body.bool("fixed_lens").orElse(VideoParameters.DEFAULT_FIXED_LENS);
    Long seed = seed(body, tier, channel);
    return new SubmitRequest(
        mode,
        tier,
        channel,
        prompt,
        aspectRatio,
        Integer.parseInt(durationText),
        resolution,
        imageUrl,
        endImageUrl,
        mediaUrls,
        generateAudio,
        fixedLens,
        seed);
  }

  private static String oneOf(
      JsonObject body, String field, List<String> allowed, String fallback) {
    String value = body.string(field).orElse(fallback);
    if (!allowed.contains(value)) {
      throw ApiException.invalidField(
          field, field + " must be one of " + String.join(", ", allowed));
    }
    return value;
  }

  private static String prompt(JsonObject body) {
    String prompt =
        body.string("prompt")
            .orElseThrow(() -> ApiException.invalidField("prompt", "prompt is required"));
    int length = prompt.codePointCount(0, prompt.length());
    if (length < PROMPT_MIN || length > PROMPT_MAX) {
      throw ApiException.invalidField(
          "prompt",
          "prompt must be "
              + PROMPT_MIN
              + " to "
              + PROMPT_MAX
              + " characters (it has "
              + length
              + ")");
    }
    if (prompt.isBlank()) {
      throw ApiException.invalidField("prompt", "prompt must not be blank");
    }
    return prompt;
  }

  private static String url(JsonObject body, String field) {
    var value = body.string(field);
    value.ifPresent(url -> UrlPolicy.check(field, url));
    return value.orElse(null);
  }

  private static List<String> mediaUrls(JsonObject body) {
    var urls = body.stringArray("media_urls");
    if (urls.isEmpty()) {
      return List.of();
    }
    List<String> list = urls.get();
    if (list.isEmpty() || list.size() > MAX_MEDIA_URLS) {
      throw ApiException.invalidField(
          "media_urls", "media_urls must hold 1 to " + MAX_MEDIA_URLS + " URLs");
    }
    for (int i = 0; i < list.size(); i++) {
      UrlPolicy.check("media_urls[" + i + "]", list.get(i));
    }
    return List.copyOf(list);
  }

  private static void checkMode(
      String mode, String imageUrl, String endImageUrl, List<String> mediaUrls) {
    switch (mode) {
      case "text-to-video" -> {
        forbid(imageUrl != null, "image_url", "image_url is only allowed with mode image-to-video");
        forbid(
            endImageUrl != null,
            "end_image_url",
            "end_image_url is only allowed with mode image-to-video");
        forbid(
            !mediaUrls.isEmpty(),
            "media_urls",
            "media_urls is only allowed with mode media-to-video");
      }
      case "image-to-video" -> {
        forbid(imageUrl == null, "image_url", "image_url is required for mode image-to-video");
        forbid(
            !mediaUrls.isEmpty(),
            "media_urls",
            "media_urls is only allowed with mode media-to-video");
      }
      default -> {
        forbid(mediaUrls.isEmpty(), "media_urls", "media_urls is required for mode media-to-video");
        forbid(imageUrl != null, "image_url", "image_url is only allowed with mode image-to-video");
        forbid(
            endImageUrl != null,
            "end_image_url",
            "end_image_url is only allowed with mode image-to-video");
      }
    }
  }

  private static Long seed(JsonObject body, String tier, String channel) {
    var seed = body.integer("seed");
    if (seed.isEmpty()) {
      if (body.has("seed")) {
        throw ApiException.invalidField("seed", "seed must be an integer");
      }
      return null;
    }
    long value = seed.get();
    if (value < SEED_MIN || value > SEED_MAX) {
      throw ApiException.invalidField("seed", "seed must be from -1 to 4294967295");
    }
    if (channel.equals("real")) {
      throw ApiException.invalidField("seed", "seed is not supported on the real channel");
    }
    if (tier.equals("mini")) {
      throw ApiException.invalidField("seed", "seed is not supported on the mini quality tier");
    }
    return value;
  }

  private static void forbid(boolean condition, String field, String message) {
    if (condition) {
      throw ApiException.invalidField(field, message);
    }
  }
}
