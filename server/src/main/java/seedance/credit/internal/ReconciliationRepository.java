package seedance.credit.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read-only audits across the ledger and the tasks it pays for. */
@Repository
public class ReconciliationRepository {

  private static final String BALANCES =
      """
      SELECT b.account_id || ' (' || b.book || ')' FROM credit_balances b
      LEFT JOIN (SELECT account_id, book, SUM(amount) AS total
                 FROM ledger_entries GROUP BY account_id, book) l
        ON l.account_id = b.account_id AND l.book = b.book
      WHERE b.balance <> COALESCE(l.total, 0)
      """;
  private static final String CHARGES =
      """
      SELECT t.id FROM tasks t
      LEFT JOIN ledger_entries c
        ON c.task_id = t.id AND c.kind = 'charge' AND c.account_id = t.account_id AND c.book = t.book
      GROUP BY t.id, t.credits_used
      HAVING COUNT(c.id) <> 1 OR COALESCE(SUM(c.amount), 0) <> -t.credits_used
      """;
  private static final String REFUNDS =
      """
      SELECT t.id FROM tasks t
      LEFT JOIN ledger_entries r
        ON r.task_id = t.id AND r.kind = 'refund' AND r.account_id = t.account_id AND r.book = t.book
      GROUP BY t.id, t.status, t.credits_used, t.credits_refunded
      HAVING (t.status = 'failed'
              AND (COUNT(r.id) <> 1 OR COALESCE(SUM(r.amount), 0) <> t.credits_used
                   OR t.credits_refunded <> t.credits_used))
          OR (t.status <> 'failed' AND (COUNT(r.id) <> 0 OR t.credits_refunded <> 0))
      """;

  private final JdbcClient jdbc;

  ReconciliationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<String> balancesNotMatchingLedger() {
    return jdbc.sql(BALANCES).query(String.class).list();
  }

  public List<String> tasksWithoutExactlyOneCharge() {
    return jdbc.sql(CHARGES).query(String.class).list();
  }

  public List<String> refundMismatches() {
    return jdbc.sql(REFUNDS).query(String.class).list();
  }
}
