package seedance.account.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import seedance.account.Account;

@Repository
public class AccountRepository {

  private static final String INSERT =
      """
      INSERT INTO accounts (id, email, created_at) VALUES (:id, :email, :createdAt)
      """;
  private static final String FIND =
      """
      SELECT id, email, created_at FROM accounts WHERE id = :id
      """;

  private final JdbcClient jdbc;

  AccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Account account) {
    jdbc.sql(INSERT)
        .param("id", account.id())
        .param("email", account.email())
        .param("createdAt", account.createdAt())
        .update();
  }

  public Optional<Account> findByEmail(String email) {
    return jdbc.sql("SELECT id, email, created_at FROM accounts WHERE email = :email")
        .param("email", email)
        .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getLong(3)))
        .optional();
  }

  /** Newest first; {@code emailPart} (lower case) filters by a part of the email, or null. */
  public List<Account> list(String emailPart, int offset, int limit) {
    // Two statements rather than ":part IS NULL": PostgreSQL cannot type a bare null parameter.
    String where = emailPart == null ? "" : "WHERE email LIKE :pattern ";
    var statement =
        jdbc.sql(
                "SELECT id, email, created_at FROM accounts "
                    + where
                    + "ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
            .param("limit", limit)
            .param("offset", offset);
    if (emailPart != null) {
      statement = statement.param("pattern", "%" + emailPart + "%");
    }
    return statement
        .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getLong(3)))
        .list();
  }

  public Optional<Account> find(String id) {
    return jdbc.sql(FIND)
        .param("id", id)
        .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getLong(3)))
        .optional();
  }
}
