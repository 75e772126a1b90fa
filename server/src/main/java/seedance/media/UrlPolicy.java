package seedance.media;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import seedance.web.ApiException;

/**
 * Submit-time checks of a user's media URL, with no network I/O: https on the default port, no
 * userinfo or fragment, a public DNS name or a canonical public IP literal. Forms that other
 * parsers read differently (decimal, octal, hex or short IPv4, zone ids, percent-encoded hosts) are
 * refused outright.
 */
public final class UrlPolicy {

  public static final int MAX_LENGTH = 2048;
  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
  private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
  private static final Pattern IPV6_LITERAL = Pattern.compile("^[0-9a-f:.]+$");
  private static final List<String> INTERNAL_SUFFIXES =
      List.of(
          ".localhost", ".local", ".internal", ".home.arpa", ".localdomain", ".lan", ".intranet");

  private UrlPolicy() {}

  /** Checks {@code url} for request field {@code field}; throws a 400 naming the field. */
  public static void check(String field, String url) {
    checkedHost(field, url);
  }

  /**
   * Checks {@code url} like {@link #check} and returns its host as it must be resolved and named in
   * TLS: lower-case ASCII (IDN as punycode), no trailing dot, an IPv6 literal still in brackets.
   */
  public static String checkedHost(String field, String url) {
    if (url.length() > MAX_LENGTH) {
      throw bad(field, "must be at most " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw bad(field, "must be a valid absolute https URL");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.isOpaque()) {
      throw bad(field, "must be an https URL");
    }
    if (uri.getRawFragment() != null) {
      throw bad(field, "must not contain a fragment (#...)");
    }
    String authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty()) {
      throw bad(field, "must name a host");
    }
    if (authority.contains("@")) {
      throw bad(field, "must not contain user information");
    }
    return checkHost(field, hostAndPort(field, authority));
  }

  private static String hostAndPort(String field, String authority) {
    String host;
    String port = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw bad(field, "has a malformed IPv6 address");
      }
      host = authority.substring(0, close + 1);
      String rest = authority.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw bad(field, "has a malformed host");
        }
        port = rest.substring(1);
      }
    } else {
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      port = colon < 0 ? null : authority.substring(colon + 1);
    }
    if (port != null && !port.isEmpty() && !port.equals("443")) {
      throw bad(field, "must use the default https port 443");
    }
    return host;
  }

  private static String checkHost(String field, String rawHost) {
    if (rawHost.contains("%")) {
      throw bad(field, "must not percent-encode the host or use a zone id");
    }
    String host = rawHost.toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      String literal = host.substring(1, host.length() - 1);
      if (!literal.contains(":") || !IPV6_LITERAL.matcher(literal).matches()) {
        throw bad(field, "has a malformed IPv6 address");
      }
      requirePublic(field, literal);
      return host;
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    try {
      host = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw bad(field, "has an invalid host name");
    }
    if (host.isEmpty() || host.length() > 253) {
      throw bad(field, "has an invalid host name");
    }
    if (DOTTED_QUAD.matcher(host).matches()) {
      requirePublic(field, host);
      return host;
    }
    String[] labels = host.split("\\.", -1);
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw bad(field, "has an invalid host name");
      }
      if (label.startsWith("0x")) {
        throw bad(field, "must use a host name or a canonical IP address");
      }
    }
    if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
      throw bad(field, "must use a host name or a canonical IP address");
    }
    if (labels.length < 2) {
      throw bad(field, "must use a public, fully qualified host name");
    }
    if (host.equals("localhost") || INTERNAL_SUFFIXES.stream().anyMatch(host::endsWith)) {
      throw bad(field, "must not point to a local or internal host");
    }
    return host;
  }

  private static void requirePublic(String field, String literal) {
    InetAddress address;
    try {
      address = InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw bad(field, "has a malformed IP address");
    }
    if (!AddressPolicy.isPublic(address)) {
      throw bad(field, "must not point to a private, loopback, link-local or reserved address");
    }
  }

  private static ApiException bad(String field, String problem) {
    return ApiException.invalidField(field, field + " " + problem);
  }
}
