package seedance.task.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import seedance.task.Task;

@Repository
public class TaskRepository {

  private static final String COLUMNS =
      """
      id, account_id, api_key_id, status, model, quality_tier, channel, request_json, credits_used,
      credits_refunded, output_json, error_code, error_message, created_at, updated_at, deadline_at,
      sandbox_outcome, book, lane
      """;
  private static final String INSERT =
      """
      INSERT INTO tasks
        (id, account_id, api_key_id, status, model, quality_tier, channel, request_json, credits_used,
         credits_refunded, created_at, updated_at, run_at, deadline_at, sandbox_outcome, book, lane)
      VALUES (:id, :accountId, :apiKeyId, :status, :model, :qualityTier, :channel, :requestJson,
              :creditsUsed, 0, :createdAt, :updatedAt, :createdAt, :deadlineAt, :sandboxOutcome,
              :book, :lane)
      """;
  private static final String FIND = "SELECT " + COLUMNS + " FROM tasks WHERE id = :id";
  // Newest first; id breaks ties between tasks created in the same millisecond so pages never
  // overlap.
  private static final String PAGE =
      "SELECT "
          + COLUMNS
          + """
          FROM tasks WHERE account_id = :accountId
          ORDER BY created_at DESC, id DESC
          LIMIT :limit OFFSET :offset
          """;
  private static final String COUNT = "SELECT COUNT(*) FROM tasks WHERE account_id = :accountId";

  private final JdbcClient jdbc;

  TaskRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Task t) {
    jdbc.sql(INSERT)
        .param("id", t.id())
        .param("accountId", t.accountId())
        .param("apiKeyId", t.apiKeyId())
        .param("status", t.status())
        .param("model", t.model())
        .param("qualityTier", t.qualityTier())
        .param("channel", t.channel())
        .param("requestJson", t.requestJson())
        .param("creditsUsed", t.creditsUsed())
        .param("createdAt", t.createdAt())
        .param("updatedAt", t.updatedAt())
        .param("deadlineAt", t.deadlineAt())
        .param("sandboxOutcome", t.sandboxOutcome())
        .param("book", t.book())
        .param("lane", t.lane())
        .update();
  }

  public Optional<Task> find(String id) {
    return jdbc.sql(FIND).param("id", id).query(TaskRepository::map).optional();
  }

  public List<Task> page(String accountId, long offset, int limit) {
    return jdbc.sql(PAGE)
        .param("accountId", accountId)
        .param("limit", limit)
        .param("offset", offset)
        .query(TaskRepository::map)
        .list();
  }

  public long count(String accountId) {
    return jdbc.sql(COUNT).param("accountId", accountId).query(Long.class).single();
  }

  private static Task map(ResultSet rs, int row) throws SQLException {
    return new Task(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getLong(9),
        rs.getLong(10),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        rs.getLong(14),
        rs.getLong(15),
        rs.getLong(16),
        rs.getString(17),
        rs.getString(18),
        rs.getString(19));
  }
}
