package seedance.db.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class SingleConnectionGateTest {

  @TempDir Path dir;
  private SingleConnectionGate gate;

  @BeforeEach
  void open() {
    var sqlite = new SQLiteDataSource();
    sqlite.setUrl("jdbc:sqlite:" + dir.resolve("gate.db"));
    var hikari = new HikariConfig();
    hikari.setDataSource(sqlite);
    hikari.setMaximumPoolSize(1);
    hikari.setConnectionTimeout(300);
    gate = new SingleConnectionGate(new HikariDataSource(hikari));
  }

  @AfterEach
  void close() {
    gate.close();
  }

  @Test
  void aSecondCallerWaitsUntilTheFirstClosesItsConnection() throws Exception {
    Connection first = gate.getConnection();
    var second = CompletableFuture.supplyAsync(this::connect);

    Thread.sleep(100);
    assertThat(second).isNotDone();

    first.close();
    try (var connection = second.get(5, TimeUnit.SECONDS);
        var statement = connection.createStatement();
        var rs = statement.executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
    }
  }

  @Test
  void closingTwiceLetsOnlyOneCallerIn() throws Exception {
    Connection first = gate.getConnection();
    first.close();
    first.close();

    Connection held = gate.getConnection();
    try {
      assertThatThrownBy(gate::getConnection)
          .isInstanceOf(SQLTransientConnectionException.class)
          .hasMessageContaining("timed out");
    } finally {
      held.close();
    }
  }

  @Test
  void waitersAreServedInArrivalOrder() throws Exception {
    var order = new CopyOnWriteArrayList<Integer>();
    Connection held = gate.getConnection();
    var waiters = new CompletableFuture<?>[5];
    for (int i = 0; i < waiters.length; i++) {
      int n = i;
      waiters[i] =
          CompletableFuture.runAsync(
              () -> {
                try {
                  Connection c = gate.getConnection();
                  order.add(n);
                  c.close();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              CompletableFuture.delayedExecutor(
                  0, TimeUnit.MILLISECONDS, Thread::startVirtualThread));
      // Let each waiter queue up before the next one starts.
      Thread.sleep(30);
    }
    held.close();
    CompletableFuture.allOf(waiters).get(5, TimeUnit.SECONDS);

    assertThat(order).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void equalityIsThatOfTheHandedOutConnection() throws Exception {
    try (var connection = gate.getConnection()) {
      assertThat(connection).isEqualTo(connection);
      assertThat(connection.hashCode()).isEqualTo(System.identityHashCode(connection));
    }
  }

  private Connection connect() {
    try {
      return gate.getConnection();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
