package seedance.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;

/** Small but genuine media files, built in memory. */
public final class TestMedia {

  private TestMedia() {}

  public static byte[] png() {
    return image("png");
  }

  public static byte[] jpeg() {
    return image("jpg");
  }

  public static byte[] gif() {
    return image("gif");
  }

  /** An ISO base media file: ftyp (isom, compatible mp41), free and a small mdat. */
  public static byte[] mp4() {
    return isoMedia("isom", "mp41");
  }

  /** The same layout branded as QuickTime. */
  public static byte[] mov() {
    return isoMedia("qt  ", "qt  ");
  }

  /** An HEIF still image: an ftyp box too, but not a video. */
  public static byte[] heic() {
    return isoMedia("heic", "mif1");
  }

  public static byte[] isoMedia(String major, String compatible) {
    ByteBuffer file = ByteBuffer.allocate(24 + 8 + 8 + 64);
    file.putInt(24).put(ascii("ftyp")).put(ascii(major)).putInt(0x200);
    file.put(ascii(major)).put(ascii(compatible));
    file.putInt(8).put(ascii("free"));
    file.putInt(8 + 64).put(ascii("mdat"));
    return file.array();
  }

  /** The start of a WebM file: EBML header with DocType "webm", then a Segment. */
  public static byte[] webm(String docType) {
    byte[] type = ascii(docType);
    ByteBuffer header = ByteBuffer.allocate(64);
    header.put(new byte[] {0x42, (byte) 0x86, (byte) 0x81, 0x01}); // EBMLVersion 1
    header.put(new byte[] {0x42, (byte) 0xf7, (byte) 0x81, 0x01}); // EBMLReadVersion 1
    header.put(new byte[] {0x42, (byte) 0x82, (byte) (0x80 | type.length)}).put(type);
    int headerLength = header.position();
    ByteBuffer file = ByteBuffer.allocate(5 + headerLength + 16);
    file.put(new byte[] {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3, (byte) (0x80 | headerLength)});
    file.put(header.array(), 0, headerLength);
    file.put(new byte[] {0x18, 0x53, (byte) 0x80, 0x67, 0x01, 0, 0, 0, 0, 0, 0, 0});
    return file.array();
  }

  public static byte[] html() {
    return ascii(
        "<!DOCTYPE html><html><head><title>Not an image</title></head><body></body></html>");
  }

  public static byte[] hlsPlaylist() {
    return ascii(
        "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://127.0.0.1/segment.ts\n"
            + "#EXTINF:10,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n");
  }

  public static byte[] gzip(byte[] content) {
    var out = new ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] image(String format) {
    var image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, 0x3366cc);
    var out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
