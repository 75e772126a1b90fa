package seedance.media.internal;

import seedance.media.MediaKind;

/** The file formats the fetcher accepts, as recognised by {@link MediaTypeDetector}. */
public enum MediaFormat {
  PNG("image/png"),
  JPEG("image/jpeg"),
  WEBP("image/webp"),
  GIF("image/gif"),
  MP4("video/mp4"),
  QUICKTIME("video/quicktime"),
  WEBM("video/webm"),
  MATROSKA("video/x-matroska");

  private final String mimeType;

  MediaFormat(String mimeType) {
    this.mimeType = mimeType;
  }

  public String mimeType() {
    return mimeType;
  }

  public boolean isVideo() {
    return mimeType.startsWith("video/");
  }

  public boolean fits(MediaKind kind) {
    return switch (kind) {
      case IMAGE -> !isVideo();
      case VIDEO -> isVideo();
      case IMAGE_OR_VIDEO -> true;
    };
  }
}
