package seedance.apikey.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import seedance.config.ServerSettings;

/**
 * Hashes keys with HMAC-SHA-256 under a server secret (the pepper), so a stolen database alone
 * cannot be used to test guesses. Keys carry over 200 random bits, so a fast keyed hash is enough
 * and allows an indexed lookup. The pepper is SEEDANCE_SECRET, or a random one kept in the data
 * directory.
 */
@Component
class KeyHasher {

  private final SecretKeySpec pepper;

  KeyHasher(ServerSettings settings) {
    this.pepper = new SecretKeySpec(loadPepper(settings), "HmacSHA256");
  }

  String hash(String key) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(pepper);
      return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static byte[] loadPepper(ServerSettings settings) {
    if (settings.secret() != null && !settings.secret().isBlank()) {
      return settings.secret().getBytes(StandardCharsets.UTF_8);
    }
    Path file = settings.dataDir().resolve("secret.key");
    try {
      if (Files.exists(file)) {
        return Files.readAllBytes(file);
      }
      Files.createDirectories(settings.dataDir());
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      Files.write(file, secret, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // Not a POSIX file system: the data directory's own permissions are the protection.
      }
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the key secret " + file, e);
    }
  }
}
