package seedance.media.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** One address range such as {@code 127.0.0.2/32} or {@code fd00::/8}; IPv4 and IPv6 never mix. */
public record CidrRange(BigInteger network, int prefix, int bits) {

  private static final Pattern LITERAL = Pattern.compile("^[0-9a-fA-F:.]+$");

  public static CidrRange parse(String cidr) {
    String[] parts = cidr.trim().split("/", -1);
    // Only literals reach getByName, so parsing never turns into a DNS lookup.
    if (parts.length != 2 || !LITERAL.matcher(parts[0]).matches()) {
      throw new IllegalArgumentException("not a CIDR range: " + cidr);
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(parts[0]).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not a CIDR range: " + cidr, e);
    }
    int bits = bytes.length * 8;
    int prefix;
    try {
      prefix = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a CIDR range: " + cidr, e);
    }
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("prefix out of range: " + cidr);
    }
    return new CidrRange(new BigInteger(1, bytes), prefix, bits);
  }

  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length * 8 != bits) {
      return false;
    }
    int shift = bits - prefix;
    return new BigInteger(1, bytes).shiftRight(shift).equals(network.shiftRight(shift));
  }
}
