package seedance.db.internal;

import java.sql.SQLException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * The PostgreSQL errors that mean "busy, retry" and that Spring leaves uncategorised: our
 * lock_timeout (55P03) and statement_timeout (57014). Both become 503 service_busy rather than 500.
 */
final class PostgresExceptionTranslator implements SQLExceptionTranslator {

  @Override
  public DataAccessException translate(String task, String sql, SQLException ex) {
    String state = ex.getSQLState();
    if ("55P03".equals(state)) {
      return new CannotAcquireLockException(task + ": " + ex.getMessage(), ex);
    }
    if ("57014".equals(state)) {
      return new QueryTimeoutException(task + ": " + ex.getMessage(), ex);
    }
    return null;
  }
}
