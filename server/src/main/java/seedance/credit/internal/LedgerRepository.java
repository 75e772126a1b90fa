package seedance.credit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import seedance.credit.LedgerEntry;

@Repository
public class LedgerRepository {

  private static final String OPEN =
      """
      INSERT INTO credit_balances (account_id, balance) VALUES (:accountId, 0)
      """;
  private static final String BALANCE =
      """
      SELECT balance FROM credit_balances WHERE account_id = :accountId
      """;
  // The WHERE clause is the overdraft guard: under concurrency the loser re-checks it on the newest
  // row.
  private static final String ADD =
      """
      UPDATE credit_balances SET balance = balance + :delta
      WHERE account_id = :accountId AND balance + :delta >= 0
      RETURNING balance
      """;
  private static final String INSERT =
      """
      INSERT INTO ledger_entries
        (id, account_id, task_id, kind, amount, balance_after, reference, created_at)
      VALUES (:id, :accountId, :taskId, :kind, :amount, :balanceAfter, :reference, :createdAt)
      """;
  private static final String COLUMNS =
      "id, account_id, task_id, kind, amount, balance_after, reference, created_at";
  private static final String BY_REFERENCE =
      "SELECT " + COLUMNS + " FROM ledger_entries WHERE reference = :reference";
  private static final String BY_ACCOUNT =
      "SELECT "
          + COLUMNS
          + " FROM ledger_entries WHERE account_id = :accountId"
          + " ORDER BY created_at DESC, id DESC LIMIT :limit";

  private static final String PAGE =
      "SELECT "
          + COLUMNS
          + " FROM ledger_entries WHERE account_id = :accountId"
          + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset";
  private static final String SINCE =
      "SELECT "
          + COLUMNS
          + " FROM ledger_entries WHERE account_id = :accountId AND created_at >= :since"
          + " ORDER BY created_at, id";

  private final JdbcClient jdbc;

  LedgerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void openBalance(String accountId) {
    jdbc.sql(OPEN).param("accountId", accountId).update();
  }

  public Optional<Long> balance(String accountId) {
    return jdbc.sql(BALANCE).param("accountId", accountId).query(Long.class).optional();
  }

  /**
   * Adds {@code delta} unless the balance would go below zero; returns the new balance, or empty.
   */
  public Optional<Long> add(String accountId, long delta) {
    return jdbc.sql(ADD)
        .param("accountId", accountId)
        .param("delta", delta)
        .query(Long.class)
        .optional();
  }

  public void insert(LedgerEntry e) {
    jdbc.sql(INSERT)
        .param("id", e.id())
        .param("accountId", e.accountId())
        .param("taskId", e.taskId())
        .param("kind", e.kind())
        .param("amount", e.amount())
        .param("balanceAfter", e.balanceAfter())
        .param("reference", e.reference())
        .param("createdAt", e.createdAt())
        .update();
  }

  public Optional<LedgerEntry> findByReference(String reference) {
    return jdbc.sql(BY_REFERENCE)
        .param("reference", reference)
        .query(LedgerRepository::map)
        .optional();
  }

  public List<LedgerEntry> entries(String accountId, int limit) {
    return jdbc.sql(BY_ACCOUNT)
        .param("accountId", accountId)
        .param("limit", limit)
        .query(LedgerRepository::map)
        .list();
  }

  private static LedgerEntry map(ResultSet rs, int row) throws SQLException {
    return new LedgerEntry(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getLong(5),
        rs.getLong(6),
        rs.getString(7),
        rs.getLong(8));
  }

  public List<LedgerEntry> page(String accountId, int offset, int limit) {
    return jdbc.sql(PAGE)
        .param("accountId", accountId)
        .param("offset", offset)
        .param("limit", limit)
        .query(LedgerRepository::map)
        .list();
  }

  public List<LedgerEntry> since(String accountId, long since) {
    return jdbc.sql(SINCE)
        .param("accountId", accountId)
        .param("since", since)
        .query(LedgerRepository::map)
        .list();
  }
}
