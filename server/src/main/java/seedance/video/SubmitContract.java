package seedance.video;

import java.util.List;
import java.util.Set;

/**
 * The body fields of {@code POST /api/v1/video/seedance2}: names, types, defaults, allowed values,
 * ranges and examples. The request parser reads its rules from here and the docs (OpenAPI, the
 * developer page, llms-full.txt, the agent skill) render from here, so the two cannot drift.
 */
public final class SubmitContract {

  public static final String PATH = "/api/v1/video/seedance2";
  public static final String TASK_PATH = "/api/v1/tasks/{id}";

  /** How a field's value is written in JSON and checked. */
  public enum Kind {
    /** A string from {@link Field#allowed()}. */
    CHOICE,
    /** Free text of {@code min} to {@code max} Unicode code points, not blank. */
    TEXT,
    /** A decimal string of whole seconds from {@code min} to {@code max}, no leading zero. */
    SECONDS,
    /** A public https URL. */
    URL,
    /** An array of {@code min} to {@code max} public https URLs. */
    URL_LIST,
    BOOLEAN,
    /** A JSON integer from {@code min} to {@code max}. */
    INTEGER
  }

  /**
   * One body field. {@code defaultValue} is the JSON value used when the field is left out (null:
   * none); {@code min}/{@code max} bound the length, count, seconds or value as {@link Kind} says.
   */
  public record Field(
      String name,
      Kind kind,
      boolean required,
      Object defaultValue,
      List<String> allowed,
      long min,
      long max,
      Object example) {}

  public static final Field MODE =
      choice("mode", "text-to-video", List.of("text-to-video", "image-to-video", "media-to-video"));
  public static final Field QUALITY_TIER =
      choice("quality_tier", "standard", List.of("mini", "standard", "pro"));
  public static final Field CHANNEL =
      choice("channel", "standard", List.of("standard", "real", "wild"));
  public static final Field PROMPT =
      new Field(
          "prompt",
          Kind.TEXT,
          true,
          null,
          List.of(),
          3,
          10_000,
          "A cinematic shot of a glass train crossing a snowy mountain bridge");
  public static final Field ASPECT_RATIO =
      choice(
          "aspect_ratio", "16:9", List.of("1:1", "21:9", "4:3", "3:4", "16:9", "9:16", "adaptive"));
  public static final Field DURATION =
      new Field("duration", Kind.SECONDS, false, "5", List.of(), 4, 15, "5");
  public static final Field RESOLUTION =
      choice("resolution", "720p", List.of("720p", "1080p", "1080p-plus", "4k"));
  public static final Field IMAGE_URL =
      new Field(
          "image_url",
          Kind.URL,
          false,
          null,
          List.of(),
          0,
          0,
          "https://media.example.com/opening-frame.png");
  public static final Field END_IMAGE_URL =
      new Field(
          "end_image_url",
          Kind.URL,
          false,
          null,
          List.of(),
          0,
          0,
          "https://media.example.com/closing-frame.png");
  public static final Field MEDIA_URLS =
      new Field(
          "media_urls",
          Kind.URL_LIST,
          false,
          null,
          List.of(),
          1,
          12,
          List.of(
              "https://media.example.com/character.png", "https://media.example.com/motion.mp4"));
  public static final Field GENERATE_AUDIO =
      new Field("generate_audio", Kind.BOOLEAN, false, true, List.of(), 0, 0, true);
  public static final Field FIXED_LENS =
      new Field("fixed_lens", Kind.BOOLEAN, false, false, List.of(), 0, 0, false);
  public static final Field SEED =
      new Field("seed", Kind.INTEGER, false, null, List.of(), -1, 4_294_967_295L, 123);

  /** Every field, in the order the docs list them. */
  public static final List<Field> FIELDS =
      List.of(
          MODE,
          QUALITY_TIER,
          CHANNEL,
          PROMPT,
          ASPECT_RATIO,
          DURATION,
          RESOLUTION,
          IMAGE_URL,
          END_IMAGE_URL,
          MEDIA_URLS,
          GENERATE_AUDIO,
          FIXED_LENS,
          SEED);

  /** Resolutions sold only on {@link #PRO_TIER}. */
  public static final Set<String> PRO_ONLY_RESOLUTIONS = Set.of("1080p-plus", "4k");

  public static final String PRO_TIER = "pro";

  /** {@code seed} is refused on this channel and this tier. */
  public static final String SEEDLESS_CHANNEL = "real";

  public static final String SEEDLESS_TIER = "mini";

  /** The mode that needs {@code image_url} and alone allows {@code end_image_url}. */
  public static final String IMAGE_MODE = "image-to-video";

  /** The mode that needs {@code media_urls}. */
  public static final String MEDIA_MODE = "media-to-video";

  private SubmitContract() {}

  private static Field choice(String name, String fallback, List<String> allowed) {
    return new Field(name, Kind.CHOICE, false, fallback, allowed, 0, 0, fallback);
  }
}
