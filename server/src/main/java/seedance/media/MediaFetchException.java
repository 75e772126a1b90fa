package seedance.media;

import java.util.Set;

/**
 * Why a media URL could not be downloaded. The code is stable and meant for the task's error; the
 * message is shown to the user, so it never says whether a host exists, what it resolved to or
 * which internal check refused it. Internal detail, if any, is only in the cause, for server logs.
 */
public class MediaFetchException extends RuntimeException {

  public static final String NOT_ALLOWED = "media_url_not_allowed";
  public static final String FETCH_FAILED = "media_fetch_failed";
  public static final String TOO_LARGE = "media_too_large";
  public static final String TIMEOUT = "media_timeout";
  public static final String TYPE_UNSUPPORTED = "media_type_unsupported";

  private static final Set<String> CODES =
      Set.of(NOT_ALLOWED, FETCH_FAILED, TOO_LARGE, TIMEOUT, TYPE_UNSUPPORTED);

  private final String code;

  public MediaFetchException(String code, String message) {
    this(code, message, null);
  }

  public MediaFetchException(String code, String message, Throwable cause) {
    super(message, cause);
    if (!CODES.contains(code)) {
      throw new IllegalArgumentException("unknown media error code " + code);
    }
    this.code = code;
  }

  /**
   * The URL, a redirect target or every address its host resolved to is refused; also when the host
   * does not resolve at all, so that the answer never tells an internal name from a missing one.
   */
  public static MediaFetchException notAllowed(Throwable cause) {
    return new MediaFetchException(
        NOT_ALLOWED,
        "The media URL is not allowed: it and any redirect must be https URLs of public internet"
            + " hosts.",
        cause);
  }

  /** {@code reason} is shown to the user: only facts the remote public server told us. */
  public static MediaFetchException fetchFailed(String reason, Throwable cause) {
    return new MediaFetchException(
        FETCH_FAILED, "The media URL could not be downloaded" + reason + ".", cause);
  }

  public static MediaFetchException tooLarge(long maxBytes) {
    return new MediaFetchException(
        TOO_LARGE, "The media file is larger than the limit of " + megabytes(maxBytes) + ".");
  }

  public static MediaFetchException timeout(Throwable cause) {
    return new MediaFetchException(TIMEOUT, "Downloading the media URL took too long.", cause);
  }

  public static MediaFetchException typeUnsupported(MediaKind expected) {
    String accepted =
        switch (expected) {
          case IMAGE -> "an image (PNG, JPEG, WebP or GIF)";
          case VIDEO -> "a video (MP4, MOV or WebM)";
          case IMAGE_OR_VIDEO -> "an image (PNG, JPEG, WebP or GIF) or a video (MP4, MOV or WebM)";
        };
    return new MediaFetchException(
        TYPE_UNSUPPORTED, "The media file is not " + accepted + " in a supported format.");
  }

  private static String megabytes(long bytes) {
    long mb = 1024 * 1024;
    return bytes % mb == 0 ? bytes / mb + " MB" : bytes + " bytes";
  }

  /**
   * One of {@code media_url_not_allowed}, {@code media_fetch_failed}, {@code media_too_large},
   * {@code media_timeout}, {@code media_type_unsupported}.
   */
  public String code() {
    return code;
  }
}
