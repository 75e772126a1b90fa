package seedance.credit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import seedance.credit.LedgerEntry;
import seedance.credit.Wallet;

@Repository
public class LedgerRepository {

  private static final String OPEN =
      """
      INSERT INTO credit_balances (account_id, book, balance) VALUES (:holder, :book, 0)
      ON CONFLICT DO NOTHING
      """;
  private static final String BALANCE =
      """
      SELECT balance FROM credit_balances WHERE account_id = :holder AND book = :book
      """;
  // The WHERE clause is the overdraft guard: under concurrency the loser re-checks it on the newest
  // row.
  private static final String ADD =
      """
      UPDATE credit_balances SET balance = balance + :delta
      WHERE account_id = :holder AND book = :book AND balance + :delta >= 0
      RETURNING balance
      """;
  private static final String INSERT =
      """
      INSERT INTO ledger_entries
        (id, account_id, book, task_id, kind, amount, balance_after, reference, created_at)
      VALUES (:id, :holder, :book, :taskId, :kind, :amount, :balanceAfter, :reference, :createdAt)
      """;
  private static final String COLUMNS =
      "id, account_id, book, task_id, kind, amount, balance_after, reference, created_at";
  private static final String BY_REFERENCE =
      "SELECT " + COLUMNS + " FROM ledger_entries WHERE reference = :reference";
  private static final String BY_WALLET =
      "SELECT "
          + COLUMNS
          + " FROM ledger_entries WHERE account_id = :holder AND book = :book"
          + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset";

  // The dashboard's history and chart show the live book only; sandbox credits are not money.
  private static final String PAGE =
      "SELECT "
          + COLUMNS
          + " FROM ledger_entries WHERE account_id = :accountId AND book = 'live'"
          + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset";
  private static final String SINCE =
      "SELECT "
          + COLUMNS
          + " FROM ledger_entries WHERE account_id = :accountId AND book = 'live'"
          + " AND created_at >= :since"
          + " ORDER BY created_at, id";

  private final JdbcClient jdbc;

  LedgerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Opens an empty balance; true if it did not exist before. */
  public boolean openBalance(Wallet wallet) {
    return jdbc.sql(OPEN)
            .param("holder", wallet.holder())
            .param("book", wallet.book().wire())
            .update()
        == 1;
  }

  public Optional<Long> balance(Wallet wallet) {
    return jdbc.sql(BALANCE)
        .param("holder", wallet.holder())
        .param("book", wallet.book().wire())
        .query(Long.class)
        .optional();
  }

  /**
   * Adds {@code delta} unless the balance would go below zero; returns the new balance, or empty.
   */
  public Optional<Long> add(Wallet wallet, long delta) {
    return jdbc.sql(ADD)
        .param("holder", wallet.holder())
        .param("book", wallet.book().wire())
        .param("delta", delta)
        .query(Long.class)
        .optional();
  }

  public void insert(LedgerEntry e) {
    jdbc.sql(INSERT)
        .param("id", e.id())
        .param("holder", e.accountId())
        .param("book", e.book())
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

  public List<LedgerEntry> entries(Wallet wallet, int limit, int offset) {
    return jdbc.sql(BY_WALLET)
        .param("holder", wallet.holder())
        .param("book", wallet.book().wire())
        .param("limit", limit)
        .param("offset", offset)
        .query(LedgerRepository::map)
        .list();
  }

  private static LedgerEntry map(ResultSet rs, int row) throws SQLException {
    return new LedgerEntry(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getLong(6),
        rs.getLong(7),
        rs.getString(8),
        rs.getLong(9));
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
