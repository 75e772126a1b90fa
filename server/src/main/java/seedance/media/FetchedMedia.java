package seedance.media;

import java.nio.file.Path;

/**
 * A media file downloaded to local disk.
 *
 * @param detectedType the MIME type read from the file's magic bytes, such as {@code image/png} or
 *     {@code video/mp4}; never the server's Content-Type
 * @param finalUrl the URL the bytes came from, after any redirects
 */
public record FetchedMedia(Path file, String detectedType, long bytes, String finalUrl) {

  public boolean isVideo() {
    return detectedType.startsWith("video/");
  }
}
