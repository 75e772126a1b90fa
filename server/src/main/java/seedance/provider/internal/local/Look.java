package seedance.provider.internal.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The seed's picture: a slowly turning colour gradient whose hue drifts, seen through a camera that
 * pans and zooms. Every choice comes from {@link SplittableRandom}, whose sequence is fixed by its
 * specification, so a seed looks the same on every JVM.
 *
 * @param colors gradient colours as ffmpeg {@code 0xRRGGBB}
 * @param gradientType ffmpeg {@code gradients} type, 0 to 4
 * @param gradientSpeed how fast the gradient turns
 * @param gradientSeed the {@code gradients} filter's own seed, which places its end points
 * @param hueStart hue shift at the start, in degrees
 * @param hueSpeed hue drift in degrees per second
 * @param zoomFrom zoom at the start, at least 1
 * @param zoomTo zoom at the end, at least 1
 * @param panFrom horizontal position of the view at the start, 0 (left) to 1 (right)
 * @param panTo horizontal position at the end
 * @param tiltFrom vertical position at the start, 0 (top) to 1 (bottom)
 * @param tiltTo vertical position at the end
 */
record Look(
    List<String> colors,
    int gradientType,
    double gradientSpeed,
    long gradientSeed,
    double hueStart,
    double hueSpeed,
    double zoomFrom,
    double zoomTo,
    double panFrom,
    double panTo,
    double tiltFrom,
    double tiltTo) {

  /**
   * The gradient is drawn this many pixels along its longer side and scaled up: a smooth gradient
   * loses nothing by it, and drawing it at 4K would cost more than encoding.
   */
  static final int SOURCE_LONG_SIDE = 480;

  private static final long SALT = 0x5EEDA1C0FFEEL;

  static Look fromSeed(long seed) {
    var random = new SplittableRandom(seed ^ SALT);
    int count = random.nextInt(3, 6);
    double baseHue = random.nextDouble();
    double spread = random.nextDouble(0.15, 0.6);
    var colors = new ArrayList<String>(count);
    for (int i = 0; i < count; i++) {
      double hue = baseHue + spread * i / (count - 1);
      double saturation = random.nextDouble(0.45, 0.95);
      double value = i % 2 == 0 ? random.nextDouble(0.25, 0.55) : random.nextDouble(0.7, 1.0);
      colors.add(hex(hue, saturation, value));
    }
    boolean zoomIn = random.nextBoolean();
    double zoom = random.nextDouble(1.12, 1.3);
    return new Look(
        List.copyOf(colors),
        random.nextInt(5),
        random.nextDouble(0.004, 0.02),
        random.nextLong(1L << 32),
        random.nextDouble(360),
        random.nextDouble(-12, 12),
        zoomIn ? 1 : zoom,
        zoomIn ? zoom : 1,
        random.nextDouble(),
        random.nextDouble(),
        random.nextDouble(),
        random.nextDouble());
  }

  /**
   * The ffmpeg lavfi source for the gradient, sized for {@code width} x {@code height}. It skips
   * the gradient's first frame, where the circular type draws a one-frame seam.
   */
  String source(int width, int height, int durationSeconds, int fps) {
    int divisor = Math.max(1, Math.round(Math.max(width, height) / (float) SOURCE_LONG_SIDE));
    var source = new StringBuilder("gradients=");
    source.append(format("s=%dx%d:r=%d", even(width / divisor), even(height / divisor), fps));
    source.append(format(":seed=%d:n=%d", gradientSeed, colors.size()));
    for (int i = 0; i < colors.size(); i++) {
      source.append(format(":c%d=%s", i, colors.get(i)));
    }
    source.append(format(":speed=%.5f:type=%d", gradientSpeed, gradientType));
    source.append(
        format(",trim=start_frame=1:end_frame=%d,setpts=PTS-STARTPTS", durationSeconds * fps + 1));
    return source.toString();
  }

  /** A {@code hue} filter that drifts the colours over time. */
  String hue() {
    return format("hue=h='%.3f+%.3f*t'", hueStart, hueSpeed);
  }

  /**
   * Scales the source to {@code width} x {@code height}; unless {@code fixedLens}, zooms and pans
   * over it by scaling it larger each frame and cropping a moving window. Cropping at the output
   * size keeps the motion smooth, where zooming the small source would move it in coarse steps.
   */
  String lens(int width, int height, int durationSeconds, boolean fixedLens) {
    if (fixedLens) {
      return format("scale=%d:%d:flags=bicubic", width, height);
    }
    String progress = format("(t/%d)", durationSeconds);
    String zoom = format("(%.4f+%.4f*%s)", zoomFrom, zoomTo - zoomFrom, progress);
    return format(
        "scale=w='2*trunc(%d*%s/2)':h='2*trunc(%d*%s/2)':eval=frame:flags=bicubic,"
            + "crop=%d:%d:x='(in_w-out_w)*(%.4f+%.4f*%s)':y='(in_h-out_h)*(%.4f+%.4f*%s)'",
        width,
        zoom,
        height,
        zoom,
        width,
        height,
        panFrom,
        panTo - panFrom,
        progress,
        tiltFrom,
        tiltTo - tiltFrom,
        progress);
  }

  private static int even(int value) {
    return Math.max(2, value / 2 * 2);
  }

  private static String hex(double hue, double saturation, double value) {
    double h = (hue - Math.floor(hue)) * 6;
    int sector = (int) h;
    double f = h - sector;
    double p = value * (1 - saturation);
    double q = value * (1 - saturation * f);
    double t = value * (1 - saturation * (1 - f));
    double[] rgb =
        switch (sector) {
          case 0 -> new double[] {value, t, p};
          case 1 -> new double[] {q, value, p};
          case 2 -> new double[] {p, value, t};
          case 3 -> new double[] {p, q, value};
          case 4 -> new double[] {t, p, value};
          default -> new double[] {value, p, q};
        };
    return format(
        "0x%02X%02X%02X",
        Math.round(rgb[0] * 255), Math.round(rgb[1] * 255), Math.round(rgb[2] * 255));
  }

  /** Formats numbers the same way whatever the machine's locale, so the command is stable. */
  static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
