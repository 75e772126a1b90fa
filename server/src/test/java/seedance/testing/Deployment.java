package seedance.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment of a server process with its own data directory and database (SQLite, or a fresh
 * PostgreSQL database on the PostgreSQL run), and that database's JDBC URL.
 */
public record Deployment(Map<String, String> env, String jdbcUrl) {

  public static Deployment create(String adminToken, Map<String, String> extra) {
    var dataDir = TestDatabases.newDataDir();
    var env = new HashMap<String, String>(extra);
    env.put("SEEDANCE_DATA_DIR", dataDir.toString());
    env.put("SEEDANCE_ADMIN_TOKEN", adminToken);
    env.put("SEEDANCE_WORKER_CONCURRENCY", "2");
    String jdbcUrl = "jdbc:sqlite:" + dataDir.resolve("seedance.db");
    if (TestDatabases.postgres()) {
      jdbcUrl = TestDatabases.newPostgresDatabase();
      env.put("SEEDANCE_DATABASE_URL", jdbcUrl);
    }
    return new Deployment(Map.copyOf(env), jdbcUrl);
  }

  /** The same deployment with some variables changed (or added). */
  public Deployment with(Map<String, String> changes) {
    var changed = new HashMap<>(env);
    changed.putAll(changes);
    return new Deployment(Map.copyOf(changed), jdbcUrl);
  }

  /** The same deployment without these variables. */
  public Deployment without(String... names) {
    var changed = new HashMap<>(env);
    for (String name : names) {
      changed.remove(name);
    }
    return new Deployment(Map.copyOf(changed), jdbcUrl);
  }
}
