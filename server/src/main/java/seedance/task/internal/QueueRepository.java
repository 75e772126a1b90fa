package seedance.task.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import seedance.db.Dialect;
import seedance.task.Claim;
import seedance.task.UpstreamRef;

/** The queue statements on the task table. Every worker write is fenced by the lease token. */
@Repository
public class QueueRepository {

  // SKIP LOCKED lets concurrent workers on PostgreSQL claim different rows; SQLite has one writer
  // anyway.
  // The pool filter (%1$s) keeps short upstream creates and polls from waiting behind long
  // renders.
  private static final String CLAIM =
      """
      UPDATE tasks SET lease_owner = :owner, lease_token = lease_token + 1, lease_until = :until,
                       attempts = attempts + 1, hinted = 0
      WHERE id IN (SELECT id FROM tasks
                   WHERE status = 'processing' AND run_at <= :now
                     AND (lease_until IS NULL OR lease_until < :now) AND attempts < :maxAttempts
                     %1$s
                   ORDER BY run_at, id LIMIT :limit %2$s)
      RETURNING id, lease_token, attempts, polls, retries
      """;
  // A lease handed back (lease_until NULL: waiting for its next poll or retry) is never taken
  // again by a late heartbeat; only a new claim takes it.
  private static final String EXTEND =
      """
      UPDATE tasks SET lease_until = :until
      WHERE id = :id AND lease_token = :token AND status = 'processing'
        AND lease_until IS NOT NULL
      """;
  private static final String RECORD_UPSTREAM =
      """
      UPDATE tasks SET provider = :provider, upstream_id = :upstreamId
      WHERE id = :id AND lease_token = :token AND status = 'processing'
      """;
  private static final String COMPLETE =
      """
      UPDATE tasks SET status = 'completed', output_json = :output, usage_json = :usage,
                       updated_at = :now, lease_until = NULL
      WHERE id = :id AND lease_token = :token AND status = 'processing'
      """;
  // Not an attempt that failed: the upstream asked us to wait, so the attempt is given back too;
  // counted in retries when it is a backoff, not when the task only waits for a free slot.
  private static final String RETRY_LATER =
      """
      UPDATE tasks SET run_at = :runAt, lease_until = NULL, attempts = attempts - 1,
                       retries = retries + :counted
      WHERE id = :id AND lease_token = :token AND status = 'processing'
      """;
  // A poll is not an attempt either; a callback that came in meanwhile (hinted) makes it due now.
  private static final String POLL_LATER =
      """
      UPDATE tasks SET run_at = CASE WHEN hinted = 1 THEN :now ELSE :runAt END, hinted = 0,
                       lease_until = NULL, attempts = attempts - 1, polls = polls + 1
      WHERE id = :id AND lease_token = :token AND status = 'processing'
      """;
  // A hint never settles anything: it only makes an already submitted task due for a poll.
  private static final String HINT =
      """
      UPDATE tasks SET run_at = CASE WHEN run_at > :now THEN :now ELSE run_at END, hinted = 1
      WHERE id = :id AND status = 'processing' AND upstream_id IS NOT NULL
      """;
  private static final String IN_FLIGHT =
      """
      SELECT COUNT(*) FROM tasks
      WHERE provider = :provider AND status = 'processing' AND upstream_id IS NOT NULL
      """;
  private static final String FAIL_FENCED =
      """
      UPDATE tasks SET status = 'failed', error_code = :code, error_message = :message,
                       credits_refunded = credits_used, updated_at = :now, lease_until = NULL
      WHERE id = :id AND lease_token = :token AND status = 'processing'
      RETURNING account_id, book, credits_used
      """;
  private static final String FAIL_UNFENCED =
      """
      UPDATE tasks SET status = 'failed', error_code = :code, error_message = :message,
                       credits_refunded = credits_used, updated_at = :now, lease_until = NULL
      WHERE id = :id AND status = 'processing'
      RETURNING account_id, book, credits_used
      """;
  private static final String UPSTREAM =
      """
      SELECT provider, upstream_id FROM tasks WHERE id = :id AND upstream_id IS NOT NULL
      """;
  private static final String OVERDUE =
      """
      SELECT id FROM tasks WHERE status = 'processing' AND deadline_at < :now ORDER BY deadline_at LIMIT 100
      """;
  private static final String EXHAUSTED =
      """
      SELECT id FROM tasks WHERE status = 'processing' AND attempts >= :maxAttempts
        AND (lease_until IS NULL OR lease_until < :now) LIMIT 100
      """;

  /** What a failed update returns: whose credits to give back, and how many. */
  public record Refund(String accountId, String book, long credits) {}

  private final JdbcClient jdbc;
  private final Map<Pool, String> claimSql = new EnumMap<>(Pool.class);

  /**
   * Which tasks a claim may take: any; those not yet being polled, in the render or the upstream
   * lane; or those being polled.
   */
  public enum Pool {
    ANY(""),
    WORK("AND polls = 0 AND lane = 'render'"),
    CREATES("AND polls = 0 AND lane = 'upstream'"),
    POLLS("AND polls > 0");

    private final String filter;

    Pool(String filter) {
      this.filter = filter;
    }
  }

  QueueRepository(JdbcClient jdbc, Dialect dialect) {
    this.jdbc = jdbc;
    String lock = dialect == Dialect.POSTGRESQL ? "FOR UPDATE SKIP LOCKED" : "";
    for (Pool pool : Pool.values()) {
      claimSql.put(pool, CLAIM.formatted(pool.filter, lock));
    }
  }

  public List<Claim> claim(
      Pool pool, String owner, int limit, long now, long until, int maxAttempts) {
    return jdbc.sql(claimSql.get(pool))
        .param("owner", owner)
        .param("until", until)
        .param("now", now)
        .param("maxAttempts", maxAttempts)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Claim(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
        .list();
  }

  public boolean extend(String id, long token, long until) {
    return jdbc.sql(EXTEND).param("id", id).param("token", token).param("until", until).update()
        == 1;
  }

  public boolean recordUpstream(String id, long token, String provider, String upstreamId) {
    return jdbc.sql(RECORD_UPSTREAM)
            .param("id", id)
            .param("token", token)
            .param("provider", provider)
            .param("upstreamId", upstreamId)
            .update()
        == 1;
  }

  public Optional<UpstreamRef> upstream(String id) {
    return jdbc.sql(UPSTREAM)
        .param("id", id)
        .query((rs, n) -> new UpstreamRef(rs.getString(1), rs.getString(2)))
        .optional();
  }

  public boolean retryLater(String id, long token, long runAt, boolean counted) {
    return jdbc.sql(RETRY_LATER)
            .param("id", id)
            .param("token", token)
            .param("runAt", runAt)
            .param("counted", counted ? 1 : 0)
            .update()
        == 1;
  }

  public boolean pollLater(String id, long token, long runAt, long now) {
    return jdbc.sql(POLL_LATER)
            .param("id", id)
            .param("token", token)
            .param("runAt", runAt)
            .param("now", now)
            .update()
        == 1;
  }

  public boolean hint(String id, long now) {
    return jdbc.sql(HINT).param("id", id).param("now", now).update() == 1;
  }

  public int inFlight(String provider) {
    return jdbc.sql(IN_FLIGHT).param("provider", provider).query(Integer.class).single();
  }

  public boolean complete(String id, long token, String outputJson, String usageJson, long now) {
    return jdbc.sql(COMPLETE)
            .param("id", id)
            .param("token", token)
            .param("output", outputJson)
            .param("usage", usageJson)
            .param("now", now)
            .update()
        == 1;
  }

  /** Marks the task failed if it is still processing (and, when fenced, still ours). */
  public Optional<Refund> fail(String id, Long token, String code, String message, long now) {
    var statement = jdbc.sql(token == null ? FAIL_UNFENCED : FAIL_FENCED);
    if (token != null) {
      statement = statement.param("token", token);
    }
    return statement
        .param("id", id)
        .param("code", code)
        .param("message", message)
        .param("now", now)
        .query((rs, n) -> new Refund(rs.getString(1), rs.getString(2), rs.getLong(3)))
        .optional();
  }

  public List<String> overdue(long now) {
    return jdbc.sql(OVERDUE).param("now", now).query(String.class).list();
  }

  public List<String> exhausted(long now, int maxAttempts) {
    return jdbc.sql(EXHAUSTED)
        .param("now", now)
        .param("maxAttempts", maxAttempts)
        .query(String.class)
        .list();
  }
}
