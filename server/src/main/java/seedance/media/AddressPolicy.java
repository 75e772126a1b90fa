package seedance.media;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which IP addresses user-supplied media may be fetched from: only globally routable unicast. The
 * deny list is the IANA special-purpose registries plus cloud metadata, with IPv4 embedded in IPv6
 * checked as IPv4.
 */
public final class AddressPolicy {

  private record Range(BigInteger base, int prefix, int bits) {
    boolean contains(BigInteger address, int addressBits) {
      if (addressBits != bits) {
        return false;
      }
      int shift = bits - prefix;
      return address.shiftRight(shift).equals(base.shiftRight(shift));
    }
  }

  private static final List<Range> DENIED =
      List.of(
          range("0.0.0.0/8"),
          range("10.0.0.0/8"),
          range("100.64.0.0/10"),
          range("127.0.0.0/8"),
          range("169.254.0.0/16"),
          range("172.16.0.0/12"),
          range("192.0.0.0/24"),
          range("192.0.2.0/24"),
          range("192.88.99.0/24"),
          range("192.168.0.0/16"),
          range("198.18.0.0/15"),
          range("198.51.100.0/24"),
          range("203.0.113.0/24"),
          range("224.0.0.0/4"),
          range("240.0.0.0/4"),
          range("::/128"),
          range("::1/128"),
          range("64:ff9b::/96"),
          range("64:ff9b:1::/48"),
          range("100::/64"),
          range("2001::/32"),
          range("2001:db8::/32"),
          range("2002::/16"),
          range("fc00::/7"),
          range("fe80::/10"),
          range("fec0::/10"),
          range("ff00::/8"),
          range("fd00:ec2::254/128"));

  private AddressPolicy() {}

  /** True only for an address that is safe to connect to on a user's behalf. */
  public static boolean isPublic(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address && isIpv4Embedded(bytes)) {
      byte[] v4 = new byte[4];
      System.arraycopy(bytes, 12, v4, 0, 4);
      bytes = v4;
    }
    var value = new BigInteger(1, bytes);
    int bits = bytes.length * 8;
    if (address instanceof Inet6Address && bits == 128 && !isIpv4Embedded(address.getAddress())) {
      // Of IPv6, only the global unicast block 2000::/3 is routable on the internet.
      if (value.shiftRight(125).intValue() != 1) {
        return false;
      }
    }
    for (Range range : DENIED) {
      if (range.contains(value, bits)) {
        return false;
      }
    }
    return true;
  }

  /** IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) forms carry an IPv4 address. */
  private static boolean isIpv4Embedded(byte[] b) {
    if (b.length != 16) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    boolean compatible = b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
    return mapped || compatible;
  }

  private static Range range(String cidr) {
    String[] parts = cidr.split("/");
    try {
      // Literals only: getByName does no lookup for an IP address literal.
      byte[] bytes = InetAddress.getByName(parts[0]).getAddress();
      if (parts[0].contains(":") && bytes.length == 4) {
        throw new IllegalArgumentException("IPv6 range folded to IPv4: " + cidr);
      }
      return new Range(new BigInteger(1, bytes), Integer.parseInt(parts[1]), bytes.length * 8);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(cidr, e);
    }
  }
}
