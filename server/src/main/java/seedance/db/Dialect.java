package seedance.db;

/**
 * The database in use. Nearly all SQL is shared; the few statements that must differ ask this seam.
 */
public enum Dialect {
  SQLITE,
  POSTGRESQL;

  public static Dialect ofJdbcUrl(String url) {
    if (url.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "SEEDANCE_DATABASE_URL must start with jdbc:postgresql: (or be unset for SQLite)");
  }
}
