package seedance.ratelimit.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RateLimitRepository {

  // Writing the account's bucket row takes its row lock (PostgreSQL) or the write lock (SQLite),
  // which
  // serialises concurrent requests of one account across every server process sharing the database.
  private static final String LOCK =
      """
      INSERT INTO rate_limit_buckets (account_id, touched_at) VALUES (:accountId, :now)
      ON CONFLICT (account_id) DO UPDATE SET touched_at = excluded.touched_at
      """;
  private static final String WINDOW =
      """
      SELECT COUNT(*) AS hits, MIN(at_ms) AS oldest FROM rate_limit_hits
      WHERE account_id = :accountId AND at_ms > :windowStart
      """;
  private static final String HIT =
      """
      INSERT INTO rate_limit_hits (account_id, at_ms) VALUES (:accountId, :now)
      """;
  private static final String PRUNE =
      """
      DELETE FROM rate_limit_hits WHERE account_id = :accountId AND at_ms <= :windowStart
      """;
  private static final String PRUNE_IDLE_BUCKETS =
      """
      DELETE FROM rate_limit_buckets WHERE touched_at < :idleBefore
      """;

  record Window(long hits, long oldest) {}

  private final JdbcClient jdbc;

  RateLimitRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void lock(String accountId, long now) {
    jdbc.sql(LOCK).param("accountId", accountId).param("now", now).update();
  }

  Window window(String accountId, long windowStart) {
    return jdbc.sql(WINDOW)
        .param("accountId", accountId)
        .param("windowStart", windowStart)
        .query((rs, n) -> new Window(rs.getLong(1), rs.getLong(2)))
        .single();
  }

  void hit(String accountId, long now) {
    jdbc.sql(HIT).param("accountId", accountId).param("now", now).update();
  }

  void prune(String accountId, long windowStart) {
    jdbc.sql(PRUNE).param("accountId", accountId).param("windowStart", windowStart).update();
  }

  int pruneIdleBuckets(long idleBefore) {
    return jdbc.sql(PRUNE_IDLE_BUCKETS).param("idleBefore", idleBefore).update();
  }
}
