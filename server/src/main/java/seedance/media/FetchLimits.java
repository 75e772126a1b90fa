package seedance.media;

import java.time.Duration;

/**
 * Bounds on one download, all enforced while the body streams in (R-SSRF-6). The deadline covers
 * the whole fetch including redirects; the idle timeout is the longest wait for the next bytes.
 */
public record FetchLimits(
    Duration connectTimeout,
    Duration idleTimeout,
    Duration imageDeadline,
    Duration videoDeadline,
    long maxImageBytes,
    long maxVideoBytes,
    int maxHeaderBytes) {

  public FetchLimits {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(idleTimeout, "idleTimeout");
    requirePositive(imageDeadline, "imageDeadline");
    requirePositive(videoDeadline, "videoDeadline");
    if (maxImageBytes <= 0 || maxVideoBytes <= 0 || maxHeaderBytes <= 0) {
      throw new IllegalArgumentException("size limits must be positive");
    }
  }

  /**
   * Production values: connect 5 s, idle 10 s, 30 s / 20 MB per image, 120 s / 300 MB per video.
   */
  public static FetchLimits defaults() {
    return new FetchLimits(
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(120),
        20L * 1024 * 1024,
        300L * 1024 * 1024,
        16 * 1024);
  }

  public Duration deadline(MediaKind kind) {
    return kind == MediaKind.IMAGE ? imageDeadline : videoDeadline;
  }

  /** For {@link MediaKind#IMAGE_OR_VIDEO} the larger cap, until the magic bytes narrow it. */
  public long maxBytes(MediaKind kind) {
    return switch (kind) {
      case IMAGE -> maxImageBytes;
      case VIDEO -> maxVideoBytes;
      case IMAGE_OR_VIDEO -> Math.max(maxImageBytes, maxVideoBytes);
    };
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
