package seedance.account.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Password hashes, set-password tokens and failed sign-ins. */
@Repository
public class SignInRepository {

  /** An account's id and password hash (null when it has none yet), found by email. */
  public record Credentials(String accountId, String passwordHash) {}

  private final JdbcClient jdbc;

  SignInRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Credentials> credentials(String email) {
    return jdbc.sql("SELECT id, password_hash FROM accounts WHERE email = :email")
        .param("email", email)
        .query((rs, n) -> new Credentials(rs.getString(1), rs.getString(2)))
        .optional();
  }

  public void setPasswordHash(String accountId, String hash) {
    jdbc.sql("UPDATE accounts SET password_hash = :hash WHERE id = :id")
        .param("hash", hash)
        .param("id", accountId)
        .update();
  }

  public void insertToken(String tokenHash, String accountId, long expiresAt) {
    jdbc.sql(
            """
            INSERT INTO password_tokens (token_hash, account_id, expires_at)
            VALUES (:hash, :accountId, :expiresAt)
            """)
        .param("hash", tokenHash)
        .param("accountId", accountId)
        .param("expiresAt", expiresAt)
        .update();
  }

  /** The token's account if it is unused and unexpired; never consumes it. */
  public Optional<String> tokenAccount(String tokenHash, long now) {
    return jdbc.sql(
            """
            SELECT account_id FROM password_tokens
            WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
            """)
        .param("hash", tokenHash)
        .param("now", now)
        .query(String.class)
        .optional();
  }

  /**
   * Marks the token used and returns its account, or empty when it was used, expired or unknown.
   * The conditional update makes two concurrent uses end with one winner.
   */
  public Optional<String> consumeToken(String tokenHash, long now) {
    return jdbc.sql(
            """
            UPDATE password_tokens SET used_at = :now
            WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
            RETURNING account_id
            """)
        .param("hash", tokenHash)
        .param("now", now)
        .query(String.class)
        .optional();
  }

  public void recordFailure(String subject, long now) {
    jdbc.sql("INSERT INTO login_failures (subject, at_ms) VALUES (:subject, :now)")
        .param("subject", subject)
        .param("now", now)
        .update();
  }

  public int failuresSince(String subject, long since) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM login_failures WHERE subject = :subject AND at_ms > :since")
        .param("subject", subject)
        .param("since", since)
        .query(Integer.class)
        .single();
  }

  /** The oldest failure inside the window: the throttle lifts when it leaves the window. */
  public Optional<Long> oldestFailureSince(String subject, long since) {
    return jdbc.sql(
            "SELECT MIN(at_ms) FROM login_failures WHERE subject = :subject AND at_ms > :since")
        .param("subject", subject)
        .param("since", since)
        .query((rs, n) -> rs.getObject(1) == null ? null : rs.getLong(1))
        .optional();
  }

  public void clearFailures(String subject) {
    jdbc.sql("DELETE FROM login_failures WHERE subject = :subject")
        .param("subject", subject)
        .update();
  }

  public void forgetFailuresBefore(long before) {
    jdbc.sql("DELETE FROM login_failures WHERE at_ms <= :before").param("before", before).update();
  }
}
