package seedance.apikey.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import seedance.apikey.ApiKeyView;

@Repository
public class ApiKeyRepository {

  private static final String COLUMNS =
      "id, account_id, name, mode, prefix, last4, scopes, created_at, last_used_at, revoked_at";
  private static final String INSERT =
      """
      INSERT INTO api_keys
        (id, account_id, name, mode, key_hash, prefix, last4, scopes, created_at)
      VALUES (:id, :accountId, :name, :mode, :hash, :prefix, :last4, :scopes, :createdAt)
      """;
  private static final String ACTIVE_BY_HASH =
      "SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = :hash AND revoked_at IS NULL";
  private static final String BY_ID = "SELECT " + COLUMNS + " FROM api_keys WHERE id = :id";
  private static final String BY_ACCOUNT =
      "SELECT " + COLUMNS + " FROM api_keys WHERE account_id = :accountId ORDER BY created_at, id";
  private static final String REVOKE =
      """
      UPDATE api_keys SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL
      """;
  // Conditional, so concurrent requests of one key write last_used_at at most once per resolution.
  private static final String TOUCH =
      """
      UPDATE api_keys SET last_used_at = :now
      WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :staleBefore)
      """;

  private final JdbcClient jdbc;

  ApiKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(ApiKeyView key, String hash) {
    jdbc.sql(INSERT)
        .param("id", key.id())
        .param("accountId", key.accountId())
        .param("name", key.name())
        .param("mode", key.mode())
        .param("hash", hash)
        .param("prefix", key.prefix())
        .param("last4", key.last4())
        .param("scopes", key.scopes())
        .param("createdAt", key.createdAt())
        .update();
  }

  public Optional<ApiKeyView> findActiveByHash(String hash) {
    return jdbc.sql(ACTIVE_BY_HASH).param("hash", hash).query(ApiKeyRepository::map).optional();
  }

  public Optional<ApiKeyView> find(String id) {
    return jdbc.sql(BY_ID).param("id", id).query(ApiKeyRepository::map).optional();
  }

  public List<ApiKeyView> listByAccount(String accountId) {
    return jdbc.sql(BY_ACCOUNT).param("accountId", accountId).query(ApiKeyRepository::map).list();
  }

  public boolean revoke(String id, long now) {
    return jdbc.sql(REVOKE).param("id", id).param("now", now).update() == 1;
  }

  public void touch(String id, long now, long staleBefore) {
    jdbc.sql(TOUCH).param("id", id).param("now", now).param("staleBefore", staleBefore).update();
  }

  private static ApiKeyView map(ResultSet rs, int row) throws SQLException {
    return new ApiKeyView(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getLong(8),
        rs.getObject(9) == null ? null : rs.getLong(9),
        rs.getObject(10) == null ? null : rs.getLong(10));
  }
}
