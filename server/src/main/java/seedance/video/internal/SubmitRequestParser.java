package seedance.video.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import seedance.media.UrlPolicy;
import seedance.video.SubmitContract;
import seedance.web.ApiException;
import seedance.web.JsonObject;

/** Every field, default, range and cross-field rule of the submit contract, with no coercion. */
final class SubmitRequestParser {

  static final Set<String> FIELDS =
      SubmitContract.FIELDS.stream()
          .map(SubmitContract.Field::name)
          .collect(Collectors.toUnmodifiableSet());
  static final List<String> MODES = SubmitContract.MODE.allowed();
  static final List<String> TIERS = SubmitContract.QUALITY_TIER.allowed();
  static final List<String> CHANNELS = SubmitContract.CHANNEL.allowed();
  static final List<String> ASPECT_RATIOS = SubmitContract.ASPECT_RATIO.allowed();
  static final List<String> RESOLUTIONS = SubmitContract.RESOLUTION.allowed();
  static final Set<String> PRO_ONLY_RESOLUTIONS = SubmitContract.PRO_ONLY_RESOLUTIONS;
  static final int PROMPT_MIN = (int) SubmitContract.PROMPT.min();
  static final int PROMPT_MAX = (int) SubmitContract.PROMPT.max();
  static final int MAX_MEDIA_URLS = (int) SubmitContract.MEDIA_URLS.max();
  static final long SEED_MIN = SubmitContract.SEED.min();
  static final long SEED_MAX = SubmitContract.SEED.max();
  // Whole seconds as plain digits: no signs, spaces, leading zeros or fractions; range checked
  // after.
  private static final Pattern DURATION = Pattern.compile("^[1-9][0-9]{0,3}$");

  private SubmitRequestParser() {}

  static SubmitRequest parse(JsonObject body) {
    body.rejectUnknown(FIELDS);
    String mode = oneOf(body, SubmitContract.MODE);
    String tier = oneOf(body, SubmitContract.QUALITY_TIER);
    String channel = oneOf(body, SubmitContract.CHANNEL);
    String prompt = prompt(body);
    String aspectRatio = oneOf(body, SubmitContract.ASPECT_RATIO);
    int duration = duration(body);
    String resolution = oneOf(body, SubmitContract.RESOLUTION);
    if (PRO_ONLY_RESOLUTIONS.contains(resolution) && !tier.equals(SubmitContract.PRO_TIER)) {
      throw ApiException.invalidField(
          "resolution",
          "resolution "
              + resolution
              + " is available on quality_tier "
              + SubmitContract.PRO_TIER
              + " only");
    }
    String imageUrl = url(body, "image_url");
    String endImageUrl = url(body, "end_image_url");
    List<String> mediaUrls = mediaUrls(body);
    checkMode(mode, imageUrl, endImageUrl, mediaUrls);
    boolean generateAudio =
        body.bool("generate_audio").orElse((Boolean) SubmitContract.GENERATE_AUDIO.defaultValue());
    boolean fixedLens =
        body.bool("fixed_lens").orElse((Boolean) SubmitContract.FIXED_LENS.defaultValue());
    Long seed = seed(body, tier, channel);
    return new SubmitRequest(
        mode,
        tier,
        channel,
        prompt,
        aspectRatio,
        duration,
        resolution,
        imageUrl,
        endImageUrl,
        mediaUrls,
        generateAudio,
        fixedLens,
        seed);
  }

  private static int duration(JsonObject body) {
    var field = SubmitContract.DURATION;
    String text = body.string(field.name()).orElse((String) field.defaultValue());
    if (!DURATION.matcher(text).matches()
        || Integer.parseInt(text) < field.min()
        || Integer.parseInt(text) > field.max()) {
      throw ApiException.invalidField(
          field.name(),
          "duration must be a string from \""
              + field.min()
              + "\" to \""
              + field.max()
              + "\" (seconds)");
    }
    return Integer.parseInt(text);
  }

  private static String oneOf(JsonObject body, SubmitContract.Field field) {
    return oneOf(body, field.name(), field.allowed(), (String) field.defaultValue());
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
    boolean imageMode = mode.equals(SubmitContract.IMAGE_MODE);
    boolean mediaMode = mode.equals(SubmitContract.MEDIA_MODE);
    forbid(
        mediaMode && mediaUrls.isEmpty(),
        "media_urls",
        "media_urls is required for mode " + SubmitContract.MEDIA_MODE);
    forbid(
        imageMode && imageUrl == null,
        "image_url",
        "image_url is required for mode " + SubmitContract.IMAGE_MODE);
    forbid(
        !imageMode && imageUrl != null,
        "image_url",
        "image_url is only allowed with mode " + SubmitContract.IMAGE_MODE);
    forbid(
        !imageMode && endImageUrl != null,
        "end_image_url",
        "end_image_url is only allowed with mode " + SubmitContract.IMAGE_MODE);
    forbid(
        !mediaMode && !mediaUrls.isEmpty(),
        "media_urls",
        "media_urls is only allowed with mode " + SubmitContract.MEDIA_MODE);
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
      throw ApiException.invalidField("seed", "seed must be from " + SEED_MIN + " to " + SEED_MAX);
    }
    if (channel.equals(SubmitContract.SEEDLESS_CHANNEL)) {
      throw ApiException.invalidField("seed", "seed is not supported on the real channel");
    }
    if (tier.equals(SubmitContract.SEEDLESS_TIER)) {
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
