package seedance.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static seedance.media.MediaTestServer.ip;

import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import seedance.media.internal.CidrRange;

/** The pieces the fetcher's address check is built from. */
class SafeFetcherResolverTest {

  @Test
  void systemResolverRefusesAnEmptyNameInsteadOfAnsweringLoopback() {
    assertThatThrownBy(() -> Resolver.system().resolve(""))
        .isInstanceOf(UnknownHostException.class);
  }

  @Test
  void systemResolverAnswersLiteralsWithoutALookup() throws UnknownHostException {
    assertThat(Resolver.system().resolve("192.0.2.7")).containsExactly(ip("192.0.2.7"));
  }

  @Test
  void hostMapHandsOutAnswersInTurnAndRepeatsTheLast() throws UnknownHostException {
    Resolver rebinding =
        Resolver.hostMap(
            Map.of("rebind.test", List.of(List.of(ip("127.0.0.2")), List.of(ip("127.0.0.1")))));

    assertThat(rebinding.resolve("rebind.test")).containsExactly(ip("127.0.0.2"));
    assertThat(rebinding.resolve("rebind.test")).containsExactly(ip("127.0.0.1"));
    assertThat(rebinding.resolve("rebind.test")).containsExactly(ip("127.0.0.1"));
    assertThatThrownBy(() -> rebinding.resolve("unknown.test"))
        .isInstanceOf(UnknownHostException.class);
  }

  @Test
  void cidrRangesMatchTheirOwnFamilyOnly() {
    CidrRange one = CidrRange.parse("127.0.0.2/32");
    CidrRange six = CidrRange.parse("fd00::/8");

    assertThat(one.contains(ip("127.0.0.2"))).isTrue();
    assertThat(one.contains(ip("127.0.0.1"))).isFalse();
    assertThat(six.contains(ip("fd12::1"))).isTrue();
    assertThat(six.contains(ip("127.0.0.2"))).isFalse();
    assertThat(CidrRange.parse("0.0.0.0/0").contains(ip("8.8.8.8"))).isTrue();
  }

  @Test
  void cidrRangesRefuseNamesAndBadPrefixes() {
    for (String bad :
        List.of("localhost/32", "127.0.0.2", "127.0.0.2/33", "::1/129", "1.2.3.4/x")) {
      assertThatThrownBy(() -> CidrRange.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void testHooksRejectAnOutOfRangePort() {
    assertThatThrownBy(() -> new FetchTestHooks(List.of(), 70000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(FetchTestHooks.NONE.allowedRanges()).isEmpty();
  }
}
