package seedance.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.UUID;

/**
 * The database a test run uses, chosen by {@code -Dseedance.test.db=sqlite|postgresql}. Every
 * Spring test context gets a database of its own: a new SQLite data directory, or a new PostgreSQL
 * database on the local server ({@code SEEDANCE_TEST_PG_URL}, default the machine's trust-auth
 * cluster on 127.0.0.1:5432).
 */
public final class TestDatabases {

  private static final String PREFIX = "seedance_it_";
  private static final Duration LEFTOVER_AGE = Duration.ofHours(3);
  private static volatile boolean cleaned;

  private TestDatabases() {}

  public static boolean postgres() {
    return System.getProperty("seedance.test.db", "sqlite")
        .toLowerCase(Locale.ROOT)
        .startsWith("postgres");
  }

  public static String adminUrl() {
    String url = System.getenv("SEEDANCE_TEST_PG_URL");
    return url != null ? url : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  }

  /** A fresh, empty PostgreSQL database; its JDBC URL. */
  public static String newPostgresDatabase() {
    String name =
        PREFIX
            + System.currentTimeMillis() / 1000
            + "_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    try (var connection = DriverManager.getConnection(adminUrl());
        var statement = connection.createStatement()) {
      if (!cleaned) {
        dropLeftovers(connection);
        cleaned = true;
      }
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL tests need a server at " + adminUrl() + " (the test command starts one)", e);
    }
    return adminUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
  }

  public static Path newDataDir() {
    try {
      return Files.createTempDirectory("seedance-test-");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Drops what earlier runs left behind, but only databases made more than {@link #LEFTOVER_AGE}
   * ago: another test run on the same cluster (a second checkout, say) may still be using newer
   * ones.
   */
  private static void dropLeftovers(java.sql.Connection connection) throws SQLException {
    var names = new ArrayList<String>();
    try (var rs =
        connection
            .createStatement()
            .executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
      long cutoff = System.currentTimeMillis() / 1000 - LEFTOVER_AGE.toSeconds();
      while (rs.next()) {
        String name = rs.getString(1);
        if (createdAt(name) < cutoff) {
          names.add(name);
        }
      }
    }
    for (String name : names) {
      try (var statement = connection.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  /** Epoch seconds from a name made by {@link #newPostgresDatabase}; 0 for older name formats. */
  private static long createdAt(String name) {
    String rest = name.substring(PREFIX.length());
    int end = rest.indexOf('_');
    try {
      return end < 0 ? 0 : Long.parseLong(rest.substring(0, end));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
