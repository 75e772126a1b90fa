package seedance.media;

/**
 * Reads dimensions and duration from a file that {@link SafeFetcher} has already downloaded.
 * Implementations must only ever open the local file (for ffprobe: {@code -protocol_whitelist
 * file}, playlist and concat formats refused, CPU and time limited), never a URL, so that a crafted
 * file cannot make the prober fetch anything (R-SSRF-7).
 */
public interface MediaProber {

  /** Throws {@link MediaFetchException} with code {@code media_type_unsupported} if unreadable. */
  ProbeResult probe(FetchedMedia media);
}
