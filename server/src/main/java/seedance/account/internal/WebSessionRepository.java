package seedance.account.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import seedance.account.WebSession;

@Repository
public class WebSessionRepository {

  private final JdbcClient jdbc;

  WebSessionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(String idHash, WebSession session, long createdAt) {
    jdbc.sql(
            """
            INSERT INTO web_sessions (id_hash, account_id, operator, created_at, expires_at)
            VALUES (:idHash, :accountId, :operator, :createdAt, :expiresAt)
            """)
        .param("idHash", idHash)
        .param("accountId", session.accountId())
        .param("operator", session.operator() ? 1 : 0)
        .param("createdAt", createdAt)
        .param("expiresAt", session.expiresAt())
        .update();
  }

  public Optional<WebSession> find(String idHash, long now) {
    return jdbc.sql(
            """
            SELECT account_id, operator, expires_at FROM web_sessions
            WHERE id_hash = :idHash AND expires_at > :now
            """)
        .param("idHash", idHash)
        .param("now", now)
        .query((rs, n) -> new WebSession(rs.getString(1), rs.getInt(2) == 1, rs.getLong(3)))
        .optional();
  }

  public void delete(String idHash) {
    jdbc.sql("DELETE FROM web_sessions WHERE id_hash = :idHash").param("idHash", idHash).update();
  }

  public void deleteForAccount(String accountId) {
    jdbc.sql("DELETE FROM web_sessions WHERE account_id = :accountId")
        .param("accountId", accountId)
        .update();
  }

  public void deleteExpired(long now) {
    jdbc.sql("DELETE FROM web_sessions WHERE expires_at <= :now").param("now", now).update();
  }
}
