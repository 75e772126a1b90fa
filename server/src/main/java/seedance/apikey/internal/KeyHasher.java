package seedance.apikey.internal;

import org.springframework.stereotype.Component;
import seedance.config.ServerSecret;

/**
 * Hashes keys with HMAC-SHA-256 under the server secret (a pepper), so a stolen database alone
 * cannot be used to test guesses. Keys carry over 200 random bits, so a fast keyed hash is enough
 * and allows an indexed lookup.
 */
@Component
class KeyHasher {

  private final ServerSecret secret;

  KeyHasher(ServerSecret secret) {
    this.secret = secret;
  }

  String hash(String key) {
    return secret.hmacHex("api-key", key);
  }
}
