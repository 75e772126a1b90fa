package seedance.db.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A first-come, first-served queue in front of the one-connection SQLite pool.
 *
 * <p>Hikari's own hand-off is not fair: a returned connection is offered to a waiting thread, but
 * until that thread has been scheduled, any thread that asks for a connection (typically the one
 * that just returned it, on to its next statement) takes it, and the waiter goes back to waiting.
 * Meanwhile the returning thread spins and yields until someone takes the connection. Under load
 * some requests were overtaken again and again: a long latency tail (the submit benchmark, {@code
 * scripts/bench}, showed p99 roughly halved with this gate at the same throughput). A fair
 * semaphore queues callers in arrival order instead; Hikari then never has more than one borrower,
 * and still validates, resets and replaces its connection as before.
 *
 * <p>Waiting here counts against Hikari's connection timeout, and running out of it fails the same
 * way Hikari does: {@link SQLTransientConnectionException}.
 */
final class SingleConnectionGate extends DelegatingDataSource implements AutoCloseable {

  private final HikariDataSource pool;
  private final Semaphore permit = new Semaphore(1, true);

  SingleConnectionGate(HikariDataSource pool) {
    super(pool);
    this.pool = pool;
  }

  @Override
  public Connection getConnection() throws SQLException {
    acquire();
    try {
      return gated(pool.getConnection());
    } catch (SQLException | RuntimeException | Error e) {
      permit.release();
      throw e;
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLException("the SQLite data source takes no credentials");
  }

  @Override
  public void close() {
    pool.close();
  }

  private void acquire() throws SQLException {
    long timeoutMs = pool.getConnectionTimeout();
    try {
      if (!permit.tryAcquire(timeoutMs, TimeUnit.MILLISECONDS)) {
        throw new SQLTransientConnectionException(
            pool.getPoolName()
                + " - Connection is not available, request timed out after "
                + timeoutMs
                + "ms.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException(
          pool.getPoolName() + " - Interrupted during connection acquisition", e);
    }
  }

  /** The connection, whose first {@code close()} also lets the next caller in. */
  private Connection gated(Connection connection) {
    var released = new AtomicBoolean();
    InvocationHandler handler =
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "equals":
              return proxy == args[0];
            case "hashCode":
              return System.identityHashCode(proxy);
            case "toString":
              return "gated " + connection;
            default:
              break;
          }
          if (isClose(method)) {
            try {
              return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            } finally {
              if (released.compareAndSet(false, true)) {
                permit.release();
              }
            }
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private static boolean isClose(Method method) {
    return method.getName().equals("close") && method.getParameterCount() == 0;
  }
}
