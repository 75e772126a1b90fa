package seedance.media;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import seedance.media.internal.HostMapResolver;
import seedance.media.internal.SystemResolver;

/**
 * Turns a host name into addresses. {@link SafeFetcher} checks every answer and then connects only
 * to the addresses that passed, so a resolver is asked once per hop and never by the HTTP client.
 */
@FunctionalInterface
public interface Resolver {

  /** All A and AAAA answers; throws if the name does not resolve (in time). */
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /** The JVM's resolver, given at most 3 seconds per name. */
  static Resolver system() {
    return new SystemResolver(Duration.ofSeconds(3));
  }

  /**
   * Test-only: fixed answers. Each host's answers are handed out in turn, one per lookup, the last
   * repeating, so a test can play a DNS-rebinding server. Unknown hosts do not resolve.
   */
  static Resolver hostMap(Map<String, List<List<InetAddress>>> answersInTurn) {
    return new HostMapResolver(answersInTurn);
  }
}
