package seedance.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import seedance.media.FetchLimits;
import seedance.media.MediaFetchException;
import seedance.media.MediaKind;

/**
 * Streams a response body to disk through a fixed buffer, deciding the type from the first bytes
 * and counting every byte against the cap, whatever Content-Length claimed.
 */
public final class BodyCopy {

  private static final int BUFFER_BYTES = 64 * 1024;

  /** What was written: its format and exact size. */
  public record Copied(MediaFormat format, long bytes) {}

  private BodyCopy() {}

  /**
   * Throws {@code media_type_unsupported} as soon as the first bytes rule the file out, {@code
   * media_too_large} on the first byte over the cap and {@code media_timeout} once the watchdog has
   * fired; the caller deletes whatever was written.
   */
  public static Copied copy(
      InputStream body, OutputStream out, MediaKind expected, FetchLimits limits, Watchdog watchdog)
      throws IOException {
    byte[] buffer = new byte[BUFFER_BYTES];
    byte[] head = new byte[MediaTypeDetector.HEAD_BYTES];
    int headLength = 0;
    MediaFormat format = null;
    long cap = limits.maxBytes(expected);
    long total = 0;
    int read;
    while ((read = body.read(buffer)) != -1) {
      if (watchdog.expired()) {
        throw MediaFetchException.timeout(null);
      }
      total += read;
      if (format == null) {
        int take = Math.min(read, head.length - headLength);
        System.arraycopy(buffer, 0, head, headLength, take);
        headLength += take;
        if (headLength == head.length) {
          format = recognise(head, headLength, expected);
          cap = limits.maxBytes(format.isVideo() ? MediaKind.VIDEO : MediaKind.IMAGE);
        }
      }
      if (total > cap) {
        throw MediaFetchException.tooLarge(cap);
      }
      out.write(buffer, 0, read);
    }
    if (format == null) {
      format = recognise(head, headLength, expected);
      cap = limits.maxBytes(format.isVideo() ? MediaKind.VIDEO : MediaKind.IMAGE);
      if (total > cap) {
        throw MediaFetchException.tooLarge(cap);
      }
    }
    return new Copied(format, total);
  }

  private static MediaFormat recognise(byte[] head, int length, MediaKind expected) {
    Optional<MediaFormat> format = MediaTypeDetector.detect(head, length);
    if (format.isEmpty() || !format.get().fits(expected)) {
      throw MediaFetchException.typeUnsupported(expected);
    }
    return format.get();
  }
}
