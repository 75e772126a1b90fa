package seedance.apikey;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import seedance.apikey.internal.ApiKeyRepository;
import seedance.apikey.internal.KeySecrets;
import seedance.web.ApiException;
import seedance.web.RandomIds;

/**
 * Creates, lists, revokes and checks API keys. Only hashes are stored; the secret is shown once.
 */
@Service
public class ApiKeys {

  /** How stale {@code last_used_at} may get before a request writes it again. */
  private static final long LAST_USED_RESOLUTION_MS = 60_000;

  private final ApiKeyRepository repository;
  private final KeySecrets secrets;
  private final InstantSource clock;

  ApiKeys(ApiKeyRepository repository, KeySecrets secrets, InstantSource clock) {
    this.repository = repository;
    this.secrets = secrets;
    this.clock = clock;
  }

  public CreatedKey create(String accountId, String name, String mode) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw ApiException.invalidField("name", "name must be 1 to 100 characters");
    }
    if (!mode.equals("live") && !mode.equals("test")) {
      throw ApiException.invalidField("mode", "mode must be live or test");
    }
    String secret = secrets.generate(mode);
    String random = secret.substring(secret.lastIndexOf('_') + 1);
    var view =
        new ApiKeyView(
            RandomIds.next("key_", 20),
            accountId,
            name.strip(),
            mode,
            "sk_" + mode + "_" + random.substring(0, 4),
            secret.substring(secret.length() - 4),
            "tasks:write tasks:read",
            clock.millis(),
            null,
            null);
    repository.insert(view, secrets.hash(secret));
    return new CreatedKey(view, secret);
  }

  public List<ApiKeyView> list(String accountId) {
    return repository.listByAccount(accountId);
  }

  public Optional<ApiKeyView> find(String keyId) {
    return repository.find(keyId);
  }

  /** Revokes a key for every request that starts after this returns. False if it was unknown. */
  public boolean revoke(String keyId) {
    return repository.revoke(keyId, clock.millis()) || repository.find(keyId).isPresent();
  }

  /**
   * The caller behind an {@code Authorization} header, or empty for any kind of bad credential:
   * missing, malformed, failed checksum, unknown or revoked all look the same to the client.
   */
  public Optional<Caller> authenticate(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String key = authorization.substring(7);
    if (!secrets.isWellFormed(key)) {
      return Optional.empty();
    }
    var found = repository.findActiveByHash(secrets.hash(key));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    var view = found.get();
    long now = clock.millis();
    if (view.lastUsedAt() == null || view.lastUsedAt() < now - LAST_USED_RESOLUTION_MS) {
      repository.touch(view.id(), now, now - LAST_USED_RESOLUTION_MS);
    }
    return Optional.of(new Caller(view.accountId(), view.id(), view.mode()));
  }
}
