package seedance.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * How the upstream fakes call the URL a task was created with (Ark's {@code callback_url}, fal's
 * {@code fal_webhook}, Replicate's {@code webhook}): optionally once at the start, {@code copies}
 * times when the task ends, and once more {@code late} after that. The public URL the server hands
 * out is not routable in tests, so its scheme, host and port are replaced by {@code origin}. Off
 * until {@link #deliverTo} is called.
 */
public final class FakeCallbacks implements AutoCloseable {

  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timer =
      Executors.newScheduledThreadPool(2, Thread.ofVirtual().factory());
  private final HttpClient client = HttpClient.newHttpClient();
  private final AtomicInteger sent = new AtomicInteger();
  private volatile String origin;
  private volatile int copies = 1;
  private volatile Duration late;

  /** Turns delivery on: to {@code origin}, {@code copies} at the end, one more {@code late}. */
  public void deliverTo(String origin, int copies, Duration late) {
    this.origin = origin;
    this.copies = copies;
    this.late = late;
  }

  /** Stops delivering for tasks scheduled from now on. */
  public void off() {
    origin = null;
  }

  /**
   * Plans the calls for one task created with {@code url} (nothing when the url is blank or
   * delivery is off). {@code body} is read at each delivery, so it shows the task as it is then.
   * {@code endsIn} null: nothing at the end (a webhook filter that asked only for the start).
   */
  public void schedule(String url, boolean atStart, Duration endsIn, Supplier<String> body) {
    String to = origin;
    if (url == null || url.isBlank() || to == null) {
      return;
    }
    URI target = URI.create(url);
    URI routed =
        URI.create(
            to
                + target.getRawPath()
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
    // Each delivery on a thread of its own: a slow receiver must not hold up the others.
    Runnable deliver = () -> threads.execute(() -> post(routed, body.get()));
    if (atStart) {
      deliver.run();
    }
    if (endsIn == null) {
      return;
    }
    for (int i = 0; i < copies; i++) {
      timer.schedule(deliver, endsIn.toMillis(), TimeUnit.MILLISECONDS);
    }
    Duration after = late;
    if (after != null) {
      timer.schedule(deliver, endsIn.plus(after).toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Deliveries the receiver answered (any status). */
  public int sent() {
    return sent.get();
  }

  private void post(URI target, String body) {
    try {
      client.send(
          HttpRequest.newBuilder(target)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.discarding());
      sent.incrementAndGet();
    } catch (IOException e) {
      // The vendors retry; the fakes do not: the worker's safety-net poll covers a lost one.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    threads.shutdownNow();
  }
}
