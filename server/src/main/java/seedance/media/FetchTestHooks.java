package seedance.media;

import java.util.List;

/**
 * Test-only loosening of {@link SafeFetcher}, for tests that run real HTTPS servers on loopback.
 * Production code passes {@link #NONE}; whoever wires these from configuration must refuse them
 * outside a loopback-only test deployment (R-SSRF-9).
 *
 * @param allowedRanges CIDRs such as {@code 127.0.0.2/32} whose addresses pass the address check
 *     even though they are not public
 * @param httpsPortOverride if positive, connections meant for port 443 go to this port instead
 *     (URLs themselves must still use 443)
 */
public record FetchTestHooks(List<String> allowedRanges, int httpsPortOverride) {

  public static final FetchTestHooks NONE = new FetchTestHooks(List.of(), 0);

  public FetchTestHooks {
    allowedRanges = List.copyOf(allowedRanges);
    if (httpsPortOverride < 0 || httpsPortOverride > 65535) {
      throw new IllegalArgumentException("httpsPortOverride out of range");
    }
  }
}
