package seedance.credit.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read-only audits across the ledger and the tasks it pays for. */
@Repository
public class ReconciliationRepository {

  private static final String BALANCES =
      """
      SELECT b.account_id, b.book FROM credit_balances b
      LEFT JOIN (SELECT account_id, book, SUM(amount) AS total
                 FROM ledger_entries GROUP BY account_id, book) l
        ON l.account_id = b.account_id AND l.book = b.book
      WHERE b.balance <> COALESCE(l.total, 0)
      """;
  private static final String CHARGES =
      """
      SELECT t.id, t.account_id FROM tasks t
      LEFT JOIN ledger_entries c
        ON c.task_id = t.id AND c.kind = 'charge' AND c.account_id = t.account_id AND c.book = t.book
      GROUP BY t.id, t.account_id, t.credits_used
      HAVING COUNT(c.id) <> 1 OR COALESCE(SUM(c.amount), 0) <> -t.credits_used
      """;
  private static final String REFUNDS =
      """
      SELECT t.id, t.account_id FROM tasks t
      LEFT JOIN ledger_entries r
        ON r.task_id = t.id AND r.kind = 'refund' AND r.account_id = t.account_id AND r.book = t.book
      GROUP BY t.id, t.account_id, t.status, t.credits_used, t.credits_refunded
      HAVING (t.status = 'failed'
              AND (COUNT(r.id) <> 1 OR COALESCE(SUM(r.amount), 0) <> t.credits_used
                   OR t.credits_refunded <> t.credits_used))
          OR (t.status <> 'failed' AND (COUNT(r.id) <> 0 OR t.credits_refunded <> 0))
      """;

  // The money that exists is the money the ledger says was ever added: one sum for the whole
  // system.
  private static final String TOTALS =
      """
      SELECT (SELECT COALESCE(SUM(balance), 0) FROM credit_balances)
           - (SELECT COALESCE(SUM(amount), 0) FROM ledger_entries)
      """;

  /** A breach and the holder (account) it concerns. */
  public record Finding(String subject, String holder) {}

  private final JdbcClient jdbc;

  ReconciliationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Subjects are "holder (book)". */
  public List<Finding> balancesNotMatchingLedger() {
    return jdbc.sql(BALANCES)
        .query(
            (rs, n) -> new Finding(rs.getString(1) + " (" + rs.getString(2) + ")", rs.getString(1)))
        .list();
  }

  /** Subjects are task ids. */
  public List<Finding> tasksWithoutExactlyOneCharge() {
    return jdbc.sql(CHARGES).query((rs, n) -> new Finding(rs.getString(1), rs.getString(2))).list();
  }

  /** Subjects are task ids. */
  public List<Finding> refundMismatches() {
    return jdbc.sql(REFUNDS).query((rs, n) -> new Finding(rs.getString(1), rs.getString(2))).list();
  }

  /** Sum of all balances minus sum of all ledger rows; zero when no money appeared or vanished. */
  public long totalDrift() {
    return jdbc.sql(TOTALS).query(Long.class).single();
  }
}
