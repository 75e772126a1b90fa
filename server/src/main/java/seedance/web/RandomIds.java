package seedance.web;

import java.security.SecureRandom;

/** Identifiers made by the application: a type prefix and a run of random base62 characters. */
public final class RandomIds {

  public static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomIds() {}

  /** {@code prefix} followed by {@code length} random base62 characters from a CSPRNG. */
  public static String next(String prefix, int length) {
    var out = new StringBuilder(prefix.length() + length).append(prefix);
    for (int i = 0; i < length; i++) {
      out.append(BASE62.charAt(RANDOM.nextInt(62)));
    }
    return out.toString();
  }
}
