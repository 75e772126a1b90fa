package seedance.apikey.internal;

import java.util.regex.Pattern;
import java.util.zip.CRC32;
import seedance.web.RandomIds;

/**
 * The key format: {@code sk_live_} or {@code sk_test_}, then one run of 36 random base62 characters
 * and a 6-character base62 CRC32 of that random part. The checksum lets a malformed or mistyped key
 * be refused without a database lookup, and lets secret scanners confirm a match offline.
 */
final class KeyFormat {

  static final int RANDOM_LENGTH = 36;
  static final int CHECKSUM_LENGTH = 6;
  static final Pattern PATTERN = Pattern.compile("^sk_(live|test)_[0-9A-Za-z]{42}$");

  private KeyFormat() {}

  static String generate(String mode) {
    String random = RandomIds.next("", RANDOM_LENGTH);
    return "sk_" + mode + "_" + random + checksum(random);
  }

  /** True when {@code key} has the exact shape and its checksum matches. */
  static boolean isWellFormed(String key) {
    if (!PATTERN.matcher(key).matches()) {
      return false;
    }
    String body = key.substring(key.lastIndexOf('_') + 1);
    String random = body.substring(0, RANDOM_LENGTH);
    return checksum(random).equals(body.substring(RANDOM_LENGTH));
  }

  static String mode(String key) {
    return key.startsWith("sk_test_") ? "test" : "live";
  }

  static String checksum(String random) {
    var crc = new CRC32();
    crc.update(random.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    long value = crc.getValue();
    var out = new char[CHECKSUM_LENGTH];
    for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
      out[i] = RandomIds.BASE62.charAt((int) (value % 62));
      value /= 62;
    }
    return new String(out);
  }
}
