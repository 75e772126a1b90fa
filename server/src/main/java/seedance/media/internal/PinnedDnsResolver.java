package seedance.media.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only source of addresses: those {@link AddressScreen} admitted for this fetch.
 * It never resolves anything itself, so nothing can change between the check and the connect.
 */
public final class PinnedDnsResolver implements DnsResolver {

  private final Map<String, List<InetAddress>> pinned = new ConcurrentHashMap<>();

  public void pin(String host, List<InetAddress> addresses) {
    pinned.put(host, List.copyOf(addresses));
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    List<InetAddress> addresses = pinned.get(host);
    if (addresses == null) {
      throw new UnknownHostException(host + " was not checked before connecting");
    }
    return addresses.toArray(InetAddress[]::new);
  }

  @Override
  public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
    return List.of(resolve(host)).stream()
        .map(address -> new InetSocketAddress(address, port))
        .toList();
  }

  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }
}
