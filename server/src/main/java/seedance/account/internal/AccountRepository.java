package seedance.account.internal;

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

  public Optional<Account> find(String id) {
    return jdbc.sql(FIND)
        .param("id", id)
        .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getLong(3)))
        .optional();
  }
}
