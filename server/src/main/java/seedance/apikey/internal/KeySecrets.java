package seedance.apikey.internal;

import org.springframework.stereotype.Component;

/** The secret side of keys: making them, checking their shape, and hashing them for storage. */
@Component
public class KeySecrets {

  private final KeyHasher hasher;

  KeySecrets(KeyHasher hasher) {
    this.hasher = hasher;
  }

  public String generate(String mode) {
    return KeyFormat.generate(mode);
  }

  public boolean isWellFormed(String key) {
    return KeyFormat.isWellFormed(key);
  }

  public String hash(String key) {
    return hasher.hash(key);
  }
}
