package seedance.provider.internal.ark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import seedance.media.MediaTestServer;
import seedance.provider.internal.local.LocalRenderer;
import seedance.provider.internal.local.RenderSpec;
import seedance.testing.ApiTest;

/**
 * The upstream benchmark (not a test; run by {@code scripts/bench-upstream}): the real server with
 * its worker, Ark pointed at the fake Ark in clock mode, {@code bench.tasks} tasks (default 5,000)
 * submitted through the API and all in flight at the upstream at once, each ending there {@code
 * bench.generation} (default 60 s) plus up to {@code bench.spread} (default 120 s, at random) after
 * its create, so that they end at a steady rate as real generations do. It prints, for the tasks
 * that completed, the delay between the upstream ending a task and the task reading {@code
 * completed} (p50, p99, max) and the upstream requests (GETs) per task. The two subclasses run it
 * without and with callbacks. It asserts nothing about the figures.
 */
@TestPropertySource(
    properties = {
      "seedance.worker.enabled=true",
      "seedance.worker.poll-concurrency=128",
      "seedance.test-hooks.enabled=true",
      "server.address=127.0.0.1",
      "seedance.test-hooks.allowed-ranges=127.0.0.2/32",
      "seedance.test-hooks.host-map[tos.example]=127.0.0.2",
      "seedance.ark.api-key=" + ArkFakeServer.KEY,
      "seedance.ark.max-in-flight=100000",
      "seedance.ark.rate-per-second=0",
      "seedance.task.deadline=30m"
    })
abstract class UpstreamLoad extends ApiTest {

  static final int TASKS = Integer.getInteger("bench.tasks", 5_000);
  static final Duration GENERATION = Duration.ofSeconds(Integer.getInteger("bench.generation", 60));
  static final Duration SPREAD = Duration.ofSeconds(Integer.getInteger("bench.spread", 120));
  private static final int PER_ACCOUNT = 25;
  private static final ArkFakeServer ARK = UpstreamFixtures.ark();
  private static final MediaTestServer OUTPUTS = startOutputs();

  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void upstream(DynamicPropertyRegistry registry) {
    UpstreamFixtures.register(registry, ARK, OUTPUTS);
  }

  abstract String label();

  abstract boolean callbacks();

  @Test
  void run() throws Exception {
    ARK.finishAfter(GENERATION, SPREAD);
    int callbacksBefore = ARK.callbacksSent();
    if (callbacks()) {
      ARK.callbacks("http://127.0.0.1:" + port, 1, null);
    }
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < (TASKS + PER_ACCOUNT - 1) / PER_ACCOUNT; i++) {
      keys.add(api().newCustomer(PER_ACCOUNT * 30L).key());
    }
    long start = System.nanoTime();
    List<String> ids = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(32)) {
      List<Future<String>> submits = new ArrayList<>();
      for (int i = 0; i < TASKS; i++) {
        String key = keys.get(i % keys.size());
        String body = "{\"prompt\":\"bench task " + i + "\"}";
        String idem = "bench-" + i;
        submits.add(
            pool.submit(
                () -> {
                  var accepted = api().submit(key, idem, body);
                  if (accepted.status() != 202) {
                    throw new IllegalStateException(accepted.status() + " " + accepted.text());
                  }
                  return accepted.json().path("id").asString();
                }));
      }
      for (var submit : submits) {
        ids.add(submit.get());
      }
    }
    double submitSeconds = (System.nanoTime() - start) / 1e9;
    int maxInFlight = 0;
    long deadline =
        System.nanoTime() + Duration.ofSeconds(Integer.getInteger("bench.wait", 600)).toNanos();
    while (System.nanoTime() < deadline) {
      int open =
          jdbc.sql("SELECT COUNT(*) FROM tasks WHERE status = 'processing'")
              .query(Integer.class)
              .single();
      int upstream =
          jdbc.sql(
                  "SELECT COUNT(*) FROM tasks WHERE status = 'processing'"
                      + " AND upstream_id IS NOT NULL")
              .query(Integer.class)
              .single();
      maxInFlight = Math.max(maxInFlight, upstream);
      if (open == 0) {
        break;
      }
      Thread.sleep(200);
    }
    double wallSeconds = (System.nanoTime() - start) / 1e9;
    report(ids, submitSeconds, wallSeconds, maxInFlight, ARK.callbacksSent() - callbacksBefore);
  }

  private void report(
      List<String> ids, double submitSeconds, double wallSeconds, int inFlight, int callbacks)
      throws Exception {
    long[] seen = new long[ids.size()];
    long[] delays = new long[ids.size()];
    long[] gets = new long[ids.size()];
    int completed = 0;
    int n = 0;
    for (String id : ids) {
      var row =
          jdbc.sql("SELECT status, updated_at FROM tasks WHERE id = ?")
              .param(id)
              .query((rs, i) -> new Object[] {rs.getString(1), rs.getLong(2)})
              .single();
      if ("completed".equals(row[0])) {
        delays[n] = (Long) row[1] - ARK.endsAt(id);
        seen[n] = ARK.seenEndedAt(id) - ARK.endsAt(id);
        gets[n] = ARK.gets(id);
        n++;
        completed++;
      }
    }
    delays = Arrays.copyOf(delays, n);
    seen = Arrays.copyOf(seen, n);
    Arrays.sort(seen);
    gets = Arrays.copyOf(gets, n);
    Arrays.sort(delays);
    double getsPerTask = Arrays.stream(gets).average().orElse(0);
    long maxGets = Arrays.stream(gets).max().orElse(0);
    String line =
        String.format(
            Locale.ROOT,
            "RESULT %s tasks=%d completed=%d max_in_flight_upstream=%d submit_s=%.1f wall_s=%.1f"
                + " generation_s=%d+0..%d seen_ms p50=%d p99=%d max=%d"
                + " completed_ms p50=%d p99=%d max=%d upstream_gets_per_task avg=%.2f"
                + " max=%d callbacks_sent=%d cpus=%d",
            label(),
            ids.size(),
            completed,
            inFlight,
            submitSeconds,
            wallSeconds,
            GENERATION.toSeconds(),
            SPREAD.toSeconds(),
            percentile(seen, 50),
            percentile(seen, 99),
            n == 0 ? 0 : seen[n - 1],
            percentile(delays, 50),
            percentile(delays, 99),
            n == 0 ? 0 : delays[n - 1],
            getsPerTask,
            maxGets,
            callbacks,
            Runtime.getRuntime().availableProcessors());
    System.out.println(line);
    Path out = Path.of(System.getProperty("bench.out", "target/bench-upstream.txt"));
    Files.writeString(
        out,
        line + System.lineSeparator(),
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** Small outputs: the benchmark measures scheduling, not copying large files. */
  private static MediaTestServer startOutputs() {
    try {
      Path dir = Files.createTempDirectory("bench-outputs");
      var rendered =
          new LocalRenderer()
              .render(new RenderSpec(256, 144, 4, false, 3, "bench", true, null, null), dir);
      var server = MediaTestServer.start(dir);
      server.serveEverySuffix(".mp4", Files.readAllBytes(rendered.video()));
      server.serveEverySuffix(".png", Files.readAllBytes(rendered.lastFrame()));
      return server;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
