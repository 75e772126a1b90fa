package seedance.billing.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CheckoutRepository {

  /** A Checkout Session we created, and what paying it is worth. */
  record Checkout(
      String id,
      String accountId,
      String holder,
      String packId,
      long credits,
      long amount,
      String currency,
      String status,
      long createdAt) {}

  private static final String INSERT =
      """
      INSERT INTO checkout_sessions
        (id, account_id, holder, pack_id, credits, amount, currency, status, created_at)
      VALUES (:id, :accountId, :holder, :packId, :credits, :amount, :currency, 'open', :createdAt)
      """;
  private static final String COLUMNS =
      "id, account_id, holder, pack_id, credits, amount, currency, status, created_at";
  private static final String FIND = "SELECT " + COLUMNS + " FROM checkout_sessions WHERE id = :id";
  private static final String RECENT =
      "SELECT "
          + COLUMNS
          + " FROM checkout_sessions WHERE account_id = :accountId AND status = 'paid'"
          + " ORDER BY created_at DESC LIMIT :limit";
  // Only one event can move a session from open to paid: under concurrency the loser re-reads the
  // row after the winner commits and matches nothing.
  private static final String MARK_PAID =
      """
      UPDATE checkout_sessions SET status = 'paid', paid_at = :paidAt
      WHERE id = :id AND status = 'open'
      """;
  // ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike) keeps the transaction usable on a
  // duplicate,
  // where a failed INSERT would abort it on PostgreSQL.
  private static final String RECORD_EVENT =
      """
      INSERT INTO stripe_events (id, type, session_id, outcome, received_at)
      VALUES (:id, :type, :sessionId, :outcome, :receivedAt)
      ON CONFLICT (id) DO NOTHING
      """;
  private static final String SET_OUTCOME =
      "UPDATE stripe_events SET outcome = :outcome WHERE id = :id";

  private final JdbcClient jdbc;

  CheckoutRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Checkout c) {
    jdbc.sql(INSERT)
        .param("id", c.id())
        .param("accountId", c.accountId())
        .param("holder", c.holder())
        .param("packId", c.packId())
        .param("credits", c.credits())
        .param("amount", c.amount())
        .param("currency", c.currency())
        .param("createdAt", c.createdAt())
        .update();
  }

  Optional<Checkout> find(String id) {
    return jdbc.sql(FIND).param("id", id).query(Checkout.class).optional();
  }

  List<Checkout> paid(String accountId, int limit) {
    return jdbc.sql(RECENT)
        .param("accountId", accountId)
        .param("limit", limit)
        .query(Checkout.class)
        .list();
  }

  boolean markPaid(String id, long paidAt) {
    return jdbc.sql(MARK_PAID).param("id", id).param("paidAt", paidAt).update() == 1;
  }

  /** Records an event; false if it was recorded before (a retry or a concurrent duplicate). */
  boolean recordEvent(String id, String type, String sessionId, long receivedAt) {
    return jdbc.sql(RECORD_EVENT)
            .param("id", id)
            .param("type", type)
            .param("sessionId", sessionId)
            .param("outcome", "received")
            .param("receivedAt", receivedAt)
            .update()
        == 1;
  }

  void setOutcome(String eventId, String outcome) {
    jdbc.sql(SET_OUTCOME).param("id", eventId).param("outcome", outcome).update();
  }
}
