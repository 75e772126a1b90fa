package seedance.db.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import seedance.config.ServerSettings;
import seedance.db.Dialect;

@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

  @Bean
  Dialect dialect(DatabaseSettings settings) {
    return isBlank(settings.url()) ? Dialect.SQLITE : Dialect.ofJdbcUrl(settings.url());
  }

  @Bean
  DataSource dataSource(DatabaseSettings settings, ServerSettings server, Dialect dialect) {
    var hikari = new HikariConfig();
    hikari.setPoolName("seedance");
    if (dialect == Dialect.SQLITE) {
      configureSqlite(hikari, server.dataDir());
      return new SingleConnectionGate(new HikariDataSource(hikari));
    } else {
      hikari.setJdbcUrl(settings.url());
      if (!isBlank(settings.username())) {
        hikari.setUsername(settings.username());
      }
      if (!isBlank(settings.password())) {
        hikari.setPassword(settings.password());
      }
      hikari.setMaximumPoolSize(settings.poolSize() > 0 ? settings.poolSize() : 10);
      // Money transactions must not queue behind a stuck lock: a short lock wait becomes 503
      // service_busy.
      hikari.setConnectionInitSql(
          "SELECT set_config('lock_timeout', '2s', false), set_config('statement_timeout', '15s', false)");
    }
    return new HikariDataSource(hikari);
  }

  /** Boot builds JdbcClient on this template; it asks our translator first what an error means. */
  @Bean
  JdbcTemplate jdbcTemplate(DataSource dataSource, Dialect dialect) {
    var template = new JdbcTemplate(dataSource);
    var fallback = new SQLErrorCodeSQLExceptionTranslator(dataSource);
    SQLExceptionTranslator first =
        dialect == Dialect.SQLITE
            ? new SqliteExceptionTranslator()
            : new PostgresExceptionTranslator();
    template.setExceptionTranslator(
        (task, sql, ex) -> {
          var translated = first.translate(task, sql, ex);
          return translated != null ? translated : fallback.translate(task, sql, ex);
        });
    return template;
  }

  private static void configureSqlite(HikariConfig hikari, Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("SEEDANCE_DATA_DIR is not writable: " + dataDir, e);
    }
    var config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // NORMAL with WAL survives a process crash (kill -9) without loss; only an OS crash can drop
    // the last commits.
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(3_000);
    config.enforceForeignKeys(true);
    // Writers take the lock at BEGIN, so two transactions never deadlock upgrading a read lock.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    var sqlite = new SQLiteDataSource(config);
    sqlite.setUrl("jdbc:sqlite:" + dataDir.resolve("seedance.db").toAbsolutePath());
    hikari.setDataSource(sqlite);
    // SQLite has one writer at a time: one connection, with its callers queued first come first
    // served by SingleConnectionGate (not in SQLite's sleeping busy handler, nor in Hikari's
    // hand-off, which lets newcomers overtake waiters), is what keeps the tail latency low.
    hikari.setMaximumPoolSize(1);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
