package seedance.db.internal;

import java.sql.SQLException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Gives SQLite's errors the same Spring meaning PostgreSQL's have (Spring knows no SQLite codes),
 * so the code above the repositories never asks which database it runs on: a unique violation is a
 * duplicate key, any other constraint an integrity violation, a busy database a lock that could not
 * be had.
 */
final class SqliteExceptionTranslator implements SQLExceptionTranslator {

  @Override
  public DataAccessException translate(String task, String sql, SQLException ex) {
    if (!(ex instanceof SQLiteException sqlite)) {
      return null;
    }
    SQLiteErrorCode code = sqlite.getResultCode();
    String message = task + ": " + ex.getMessage();
    return switch (code) {
      case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY ->
          new DuplicateKeyException(message, ex);
      case SQLITE_BUSY,
          SQLITE_BUSY_RECOVERY,
          SQLITE_BUSY_SNAPSHOT,
          SQLITE_BUSY_TIMEOUT,
          SQLITE_LOCKED ->
          new CannotAcquireLockException(message, ex);
      default ->
          code.name().startsWith("SQLITE_CONSTRAINT")
              ? new DataIntegrityViolationException(message, ex)
              : null;
    };
  }
}
