package seedance.idempotency.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import seedance.idempotency.StoredResponse;

@Repository
public class IdempotencyRepository {

  private static final String FIND =
      """
      SELECT fingerprint, task_id, response_status, response_body FROM idempotency_keys
      WHERE account_id = :accountId AND idem_key = :key AND created_at >= :notBefore
      """;
  // Expired rows are deleted first so a reused expired key starts afresh, as documented.
  private static final String DELETE_EXPIRED_KEY =
      """
      DELETE FROM idempotency_keys
      WHERE account_id = :accountId AND idem_key = :key AND created_at < :notBefore
      """;
  private static final String INSERT =
      """
      INSERT INTO idempotency_keys
        (account_id, idem_key, fingerprint, task_id, response_status, response_body, created_at)
      VALUES (:accountId, :key, :fingerprint, :taskId, :status, :body, :now)
      ON CONFLICT (account_id, idem_key) DO NOTHING
      """;
  private static final String DELETE_BEFORE =
      """
      DELETE FROM idempotency_keys WHERE created_at < :before
      """;

  private final JdbcClient jdbc;

  IdempotencyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<StoredResponse> find(String accountId, String key, long notBefore) {
    return jdbc.sql(FIND)
        .param("accountId", accountId)
        .param("key", key)
        .param("notBefore", notBefore)
        .query(
            (rs, n) ->
                new StoredResponse(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
        .optional();
  }

  public boolean insert(
      String accountId, String key, StoredResponse response, long now, long expiredBefore) {
    jdbc.sql(DELETE_EXPIRED_KEY)
        .param("accountId", accountId)
        .param("key", key)
        .param("notBefore", expiredBefore)
        .update();
    return jdbc.sql(INSERT)
            .param("accountId", accountId)
            .param("key", key)
            .param("fingerprint", response.fingerprint())
            .param("taskId", response.taskId())
            .param("status", response.status())
            .param("body", response.body())
            .param("now", now)
            .update()
        == 1;
  }

  public int deleteCreatedBefore(long before) {
    return jdbc.sql(DELETE_BEFORE).param("before", before).update();
  }
}
