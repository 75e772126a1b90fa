package seedance.media.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import seedance.media.AddressPolicy;
import seedance.media.MediaFetchException;
import seedance.media.Resolver;

/**
 * Resolves a checked host and keeps only the addresses that may be contacted (R-SSRF-2): public
 * ones, plus any test allow-range. What it returns is all the HTTP client will ever connect to.
 */
public final class AddressScreen {

  private final Resolver resolver;
  private final List<CidrRange> allowedRanges;

  public AddressScreen(Resolver resolver, List<String> allowedRanges) {
    this.resolver = resolver;
    this.allowedRanges = allowedRanges.stream().map(CidrRange::parse).toList();
  }

  /**
   * {@code host} as returned by {@code UrlPolicy.checkedHost}. Throws {@code media_url_not_allowed}
   * alike for names that do not resolve and names that resolve only to refused addresses.
   */
  public List<InetAddress> admissible(String host) {
    List<InetAddress> answers;
    try {
      answers = lookUp(host);
    } catch (UnknownHostException e) {
      throw MediaFetchException.notAllowed(e);
    }
    List<InetAddress> admitted =
        answers == null ? List.of() : answers.stream().filter(this::admits).toList();
    if (admitted.isEmpty()) {
      throw MediaFetchException.notAllowed(null);
    }
    return admitted;
  }

  private List<InetAddress> lookUp(String host) throws UnknownHostException {
    // UrlPolicy passes only canonical literals, and getByName parses those without any lookup.
    if (host.startsWith("[") && host.endsWith("]")) {
      return List.of(InetAddress.getByName(host.substring(1, host.length() - 1)));
    }
    if (host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
      return List.of(InetAddress.getByName(host));
    }
    return resolver.resolve(host);
  }

  private boolean admits(InetAddress address) {
    return address != null
        && (AddressPolicy.isPublic(address)
            || allowedRanges.stream().anyMatch(range -> range.contains(address)));
  }
}
