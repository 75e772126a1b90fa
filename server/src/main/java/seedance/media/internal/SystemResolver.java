package seedance.media.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import seedance.media.Resolver;

/**
 * The JVM's resolver with a time budget. {@link InetAddress#getAllByName} cannot be interrupted, so
 * the lookup runs on its own virtual thread and is abandoned, not awaited, when over budget.
 */
public final class SystemResolver implements Resolver {

  private final Duration budget;

  public SystemResolver(Duration budget) {
    this.budget = budget;
  }

  @Override
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    // getAllByName answers loopback for an empty name instead of failing.
    if (host == null || host.isBlank()) {
      throw new UnknownHostException("empty host name");
    }
    var lookup = new FutureTask<>(() -> InetAddress.getAllByName(host));
    Thread.ofVirtual().name("media-dns-lookup").start(lookup);
    try {
      return List.of(lookup.get(budget.toMillis(), TimeUnit.MILLISECONDS));
    } catch (ExecutionException e) {
      throw unresolved(host + ": lookup failed", e.getCause());
    } catch (TimeoutException e) {
      lookup.cancel(true);
      throw unresolved(host + ": no answer within " + budget, e);
    } catch (InterruptedException e) {
      lookup.cancel(true);
      Thread.currentThread().interrupt();
      throw unresolved(host + ": interrupted", e);
    }
  }

  private static UnknownHostException unresolved(String message, Throwable cause) {
    var exception = new UnknownHostException(message);
    exception.initCause(cause);
    return exception;
  }
}
