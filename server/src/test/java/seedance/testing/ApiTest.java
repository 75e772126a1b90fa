package seedance.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import seedance.config.ServerSettings;

/**
 * Base of the tests that run the real server over real HTTP on a real database: once on SQLite and
 * once on PostgreSQL (the {@code db} tag selects them for the second run). Tests make their own
 * accounts, so they share one server per run without seeing each other's data.
 */
@Tag("db")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ApiTest.TestClock.class)
@TestPropertySource(
    properties = {
      "seedance.worker.enabled=false",
      // Many tests send bad credentials on purpose; the guessing limit has its own test.
      "seedance.auth-failures.limit=1000000"
    })
public abstract class ApiTest {

  public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

  @LocalServerPort protected int port;
  @Autowired protected MutableClock clock;
  @Autowired private ServerSettings settings;

  private Api api;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    // Called once per test context: each context gets a data directory and a database of its own.
    Path dataDir = TestDatabases.newDataDir();
    registry.add("seedance.data-dir", dataDir::toString);
    registry.add("seedance.admin-token", () -> ADMIN_TOKEN);
    if (TestDatabases.postgres()) {
      String url = TestDatabases.newPostgresDatabase();
      registry.add("seedance.database.url", () -> url);
    }
  }

  /** This server's SEEDANCE_DATA_DIR. */
  protected Path dataDir() {
    return settings.dataDir();
  }

  protected Api api() {
    if (api == null) {
      api = new Api("http://127.0.0.1:" + port, ADMIN_TOKEN);
    }
    return api;
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class TestClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock();
    }
  }
}
