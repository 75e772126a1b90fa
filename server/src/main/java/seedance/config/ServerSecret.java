package seedance.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
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

/**
 * The server's one secret: SEEDANCE_SECRET, or 32 random bytes kept in the data directory (mode
 * 600) when unset. Every keyed hash derives its own key from it per purpose, so an API-key hash can
 * never be replayed as a download signature.
 */
@Component
public class ServerSecret {

  private final byte[] secret;

  public ServerSecret(ServerSettings settings) {
    this.secret = load(settings);
  }

  /** HMAC-SHA-256 of {@code message} under a key derived for {@code purpose}, as lower-case hex. */
  public String hmacHex(String purpose, String message) {
    byte[] derived = mac(secret, purpose.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(mac(derived, message.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] mac(byte[] key, byte[] message) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static byte[] load(ServerSettings settings) {
    if (settings.secret() != null && !settings.secret().isBlank()) {
      return settings.secret().getBytes(StandardCharsets.UTF_8);
    }
    Path file = settings.dataDir().resolve("secret.key");
    try {
      if (Files.exists(file)) {
        return Files.readAllBytes(file);
      }
      Files.createDirectories(settings.dataDir());
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      try {
        Files.write(file, fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException raced) {
        // Another process sharing the data directory created it first: use theirs.
        return Files.readAllBytes(file);
      }
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // The data directory's own permissions are the protection then.
      }
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the server secret " + file, e);
    }
  }
}
