package seedance.provider.internal.local;

import java.util.List;
import java.util.Map;

/**
 * Output size in pixels for a resolution and an aspect ratio. 720p and 1080p are the sizes Ark
 * itself delivers, so clients that check them see the same numbers; the larger classes scale the
 * 1080p row and round to even numbers because H.264 in yuv420p cannot encode odd sizes.
 */
public record Dimensions(int width, int height) {

  public static final List<String> RESOLUTIONS = List.of("720p", "1080p", "1080p-plus", "4k");
  public static final List<String> ASPECT_RATIOS =
      List.of("1:1", "21:9", "4:3", "3:4", "16:9", "9:16");
  public static final String ADAPTIVE = "adaptive";
  static final String DEFAULT_RATIO = "16:9";

  private static final Map<String, Dimensions> P720 =
      Map.of(
          "16:9", new Dimensions(1280, 720),
          "4:3", new Dimensions(1112, 834),
          "1:1", new Dimensions(960, 960),
          "3:4", new Dimensions(834, 1112),
          "9:16", new Dimensions(720, 1280),
          "21:9", new Dimensions(1470, 630));

  private static final Map<String, Dimensions> P1080 =
      Map.of(
          "16:9", new Dimensions(1920, 1080),
          "4:3", new Dimensions(1664, 1248),
          "1:1", new Dimensions(1440, 1440),
          "3:4", new Dimensions(1248, 1664),
          "9:16", new Dimensions(1080, 1920),
          "21:9", new Dimensions(2206, 946));

  public Dimensions {
    if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException(
          "width and height must be positive even numbers: " + width + "x" + height);
    }
  }

  /**
   * The size for {@code resolution} and {@code aspectRatio}, where {@code aspectRatio} may be
   * {@code adaptive}.
   *
   * @param imageRatio width/height of the start image, or null when there is none
   */
  public static Dimensions of(String resolution, String aspectRatio, Double imageRatio) {
    String ratio = resolvedRatio(aspectRatio, imageRatio);
    return switch (resolution) {
      case "720p" -> P720.get(ratio);
      case "1080p" -> P1080.get(ratio);
      case "1080p-plus" -> P1080.get(ratio).scaled(4, 3);
      case "4k" -> P1080.get(ratio).scaled(2, 1);
      case null, default -> throw new IllegalArgumentException("unknown resolution: " + resolution);
    };
  }

  /**
   * The listed ratio that {@code aspectRatio} stands for: itself, or for {@code adaptive} the
   * listed ratio nearest the start image's (16:9 without one). Nearness is compared on a log scale
   * so that 2:1 and 1:2 are as far from 1:1 as each other.
   */
  public static String resolvedRatio(String aspectRatio, Double imageRatio) {
    if (ASPECT_RATIOS.contains(aspectRatio)) {
      return aspectRatio;
    }
    if (!ADAPTIVE.equals(aspectRatio)) {
      throw new IllegalArgumentException("unknown aspect ratio: " + aspectRatio);
    }
    if (imageRatio == null) {
      return DEFAULT_RATIO;
    }
    if (!(imageRatio > 0) || imageRatio.isInfinite()) {
      throw new IllegalArgumentException("image ratio must be a positive number: " + imageRatio);
    }
    double target = Math.log(imageRatio);
    String nearest = DEFAULT_RATIO;
    double best = Double.MAX_VALUE;
    for (String candidate : ASPECT_RATIOS) {
      double distance = Math.abs(Math.log(ratioValue(candidate)) - target);
      if (distance < best) {
        best = distance;
        nearest = candidate;
      }
    }
    return nearest;
  }

  private static double ratioValue(String ratio) {
    int colon = ratio.indexOf(':');
    return Double.parseDouble(ratio.substring(0, colon))
        / Double.parseDouble(ratio.substring(colon + 1));
  }

  private Dimensions scaled(int numerator, int denominator) {
    return new Dimensions(
        evenRound(width * numerator, denominator), evenRound(height * numerator, denominator));
  }

  /** {@code value / divisor} rounded to the nearest even integer. */
  private static int evenRound(int value, int divisor) {
    return (int) Math.round(value / (2.0 * divisor)) * 2;
  }
}
