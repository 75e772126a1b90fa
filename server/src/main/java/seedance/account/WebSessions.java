package seedance.account;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import seedance.account.internal.WebSessionRepository;
import seedance.config.ServerSecret;
import seedance.web.RandomIds;

/**
 * Dashboard sessions, kept in the database (so they survive restarts and work across servers
 * sharing PostgreSQL). The browser holds a random id; the table holds only its keyed hash.
 */
@Service
public class WebSessions {

  public static final Duration ACCOUNT_TTL = Duration.ofDays(14);
  public static final Duration OPERATOR_TTL = Duration.ofHours(12);

  private final WebSessionRepository repository;
  private final ServerSecret secret;
  private final InstantSource clock;

  WebSessions(WebSessionRepository repository, ServerSecret secret, InstantSource clock) {
    this.repository = repository;
    this.secret = secret;
    this.clock = clock;
  }

  /** Starts an account's session; the id to put in the cookie. Always a new id. */
  public String start(String accountId) {
    return insert(new WebSession(accountId, false, clock.millis() + ACCOUNT_TTL.toMillis()));
  }

  /** Starts an operator session (signed in with the admin token). */
  public String startOperator() {
    return insert(new WebSession(null, true, clock.millis() + OPERATOR_TTL.toMillis()));
  }

  public Optional<WebSession> find(String id) {
    if (id == null || id.length() != 47 || !id.startsWith("ses_")) {
      return Optional.empty();
    }
    return repository.find(hash(id), clock.millis());
  }

  public void end(String id) {
    if (id != null) {
      repository.delete(hash(id));
    }
  }

  /** Signs an account out of every browser. */
  public void endAll(String accountId) {
    repository.deleteForAccount(accountId);
  }

  @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
  void deleteExpired() {
    repository.deleteExpired(clock.millis());
  }

  private String insert(WebSession session) {
    String id = RandomIds.next("ses_", 43);
    repository.insert(hash(id), session, clock.millis());
    return id;
  }

  private String hash(String id) {
    return secret.hmacHex("web-session", id);
  }
}
