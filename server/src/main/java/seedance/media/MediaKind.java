package seedance.media;

/** What a media URL is expected to hold; decides the type check and which limits apply. */
public enum MediaKind {
  IMAGE,
  VIDEO,
  /** Either; the download may use the video limits until the first bytes show which it is. */
  IMAGE_OR_VIDEO
}
