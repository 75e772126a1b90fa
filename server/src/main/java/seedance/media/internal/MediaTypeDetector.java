package seedance.media.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a media file from its first bytes. Extension and Content-Type are attacker-chosen and
 * are never consulted; anything not positively recognised (HTML, playlists, archives, compressed
 * streams) is refused, because downstream tools would otherwise interpret it.
 */
public final class MediaTypeDetector {

  /** How many leading bytes {@link #detect} needs to decide; fewer only at end of file. */
  public static final int HEAD_BYTES = 512;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] EBML = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3};
  private static final int EBML_DOC_TYPE = 0x4282;

  /**
   * ISO base media brands of ordinary MP4 and QuickTime video. HEIF/AVIF stills and other ISO files
   * carry an ftyp box too, which is why the brand is checked and not just the box.
   */
  private static final Set<String> VIDEO_BRANDS =
      Set.of(
          "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9", "mp41", "mp42",
          "mp71", "avc1", "dash", "M4V ", "M4VH", "M4VP", "f4v ", "mmp4", "MSNV", "XAVC", "3gp4",
          "3gp5", "3gp6", "3g2a", "qt  ");

  private MediaTypeDetector() {}

  /** The format of a file starting with {@code head[0..length)}, if it is one we accept. */
  public static Optional<MediaFormat> detect(byte[] head, int length) {
    byte[] b = Arrays.copyOf(head, Math.min(length, head.length));
    if (startsWith(b, PNG)) {
      return Optional.of(MediaFormat.PNG);
    }
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return Optional.of(MediaFormat.JPEG);
    }
    if (ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
      return Optional.of(MediaFormat.WEBP);
    }
    String gif = ascii(b, 0, 6);
    if (gif.equals("GIF87a") || gif.equals("GIF89a")) {
      return Optional.of(MediaFormat.GIF);
    }
    if (ascii(b, 4, 4).equals("ftyp")) {
      return isoMedia(b);
    }
    if (startsWith(b, EBML)) {
      return matroska(b);
    }
    return Optional.empty();
  }

  private static Optional<MediaFormat> isoMedia(byte[] b) {
    long boxSize = readUnsigned(b, 0, 4);
    // A real ftyp box holds major brand, minor version and whole compatible brands.
    if (boxSize < 16 || boxSize % 4 != 0 || b.length < 16) {
      return Optional.empty();
    }
    String major = ascii(b, 8, 4);
    boolean video = VIDEO_BRANDS.contains(major);
    long end = Math.min(boxSize, b.length);
    for (int at = 16; at + 4 <= end && !video; at += 4) {
      video = VIDEO_BRANDS.contains(ascii(b, at, 4));
    }
    if (!video) {
      return Optional.empty();
    }
    return Optional.of(major.equals("qt  ") ? MediaFormat.QUICKTIME : MediaFormat.MP4);
  }

  /** Reads the EBML header's elements for DocType: "webm" or "matroska". */
  private static Optional<MediaFormat> matroska(byte[] b) {
    int at = EBML.length;
    long[] size = readVint(b, at);
    if (size == null) {
      return Optional.empty();
    }
    at += (int) size[1];
    long end = Math.min(b.length, at + size[0]);
    while (at < end) {
      long[] id = readElementId(b, at);
      if (id == null) {
        return Optional.empty();
      }
      at += (int) id[1];
      long[] length = readVint(b, at);
      if (length == null) {
        return Optional.empty();
      }
      at += (int) length[1];
      if (id[0] == EBML_DOC_TYPE) {
        if (length[0] > 32 || at + length[0] > b.length) {
          return Optional.empty();
        }
        String docType = ascii(b, at, (int) length[0]).replace("\0", "");
        return switch (docType) {
          case "webm" -> Optional.of(MediaFormat.WEBM);
          case "matroska" -> Optional.of(MediaFormat.MATROSKA);
          default -> Optional.empty();
        };
      }
      at += (int) Math.min(length[0], Integer.MAX_VALUE - at);
    }
    return Optional.empty();
  }

  /** An EBML element id: its leading bits give its length and stay part of the value. */
  private static long[] readElementId(byte[] b, int at) {
    if (at >= b.length) {
      return null;
    }
    int width = Integer.numberOfLeadingZeros(b[at] & 0xff) - 23;
    if (width < 1 || width > 4 || at + width > b.length) {
      return null;
    }
    return new long[] {readUnsigned(b, at, width), width};
  }

  /** An EBML variable-size integer: {value, width}, or null if malformed or cut off. */
  private static long[] readVint(byte[] b, int at) {
    if (at >= b.length) {
      return null;
    }
    int first = b[at] & 0xff;
    int width = Integer.numberOfLeadingZeros(first) - 23;
    if (width < 1 || width > 8 || at + width > b.length) {
      return null;
    }
    long value = first & (0xff >> width);
    for (int i = 1; i < width; i++) {
      value = (value << 8) | (b[at + i] & 0xff);
    }
    return new long[] {value, width};
  }

  private static long readUnsigned(byte[] b, int at, int width) {
    long value = 0;
    for (int i = 0; i < width; i++) {
      value = (value << 8) | (b[at + i] & 0xff);
    }
    return value;
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    return b.length >= prefix.length
        && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static String ascii(byte[] b, int at, int length) {
    if (at < 0 || at + length > b.length) {
      return "";
    }
    return new String(b, at, length, StandardCharsets.ISO_8859_1);
  }
}
