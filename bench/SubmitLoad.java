import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Load generator for {@code POST /api/v1/video/seedance2}; a benchmark, not a test: it prints
 * figures and asserts nothing about them.
 *
 * <p>Compiled and run by {@code scripts/bench} (with {@link LoadOptions} and {@link CpuClock}):
 *
 * <pre>
 * java -cp CLASSES SubmitLoad --base http://127.0.0.1:PORT --admin-token T \
 *     --accounts 1000 --requests 20000 --concurrency 32 --warmup 2000 [--label sqlite]
 * </pre>
 *
 * <p>Phases: (1) setup, not measured: creates {@code --accounts} accounts through the operator API,
 * each with enough credits and one API key; (2) warm-up: {@code --warmup} submits, not recorded;
 * (3) the measured run: {@code --requests} submits from {@code --concurrency} workers in a closed
 * loop (each worker sends its next request as soon as the previous answer arrived). Requests go
 * round-robin over the accounts, so consecutive requests use different accounts and no account
 * comes near the per-account rate limit (30 per trailing 60 s): the program refuses to start if any
 * account would get more than {@code --max-per-account} (default 25) submits in total.
 *
 * <p>Prints one summary line per run, starting with {@code RESULT}: the database label, requests,
 * concurrency, accepted (202) count, the other statuses (or {@code error} for I/O failures) with
 * their counts, wall duration, throughput (accepted per second), latency percentiles (nearest rank)
 * and maximum in milliseconds, and the CPU used meanwhile, in cores: by this client, by the server
 * (with {@code --server-pid}, Linux only) and by everything else on the machine ({@code others}:
 * the database server, other programs). The client shares the machine with the server, and a large
 * {@code others} means the figures were taken on a busy machine. Progress goes to stderr. Uses only
 * the JDK; HTTP/1.1 with connections kept alive and reused by {@code java.net.http.HttpClient}.
 */
public class SubmitLoad {

  static final String SUBMIT_PATH = "/api/v1/video/seedance2";
  static final String BODY = "{\"prompt\":\"a red fox running through snow\"}";
  static final long PRICE = 30;
  static final Pattern JSON_STRING_FIELD = Pattern.compile("\"(id|key)\"\\s*:\\s*\"([^\"]+)\"");

  record Outcome(int status, long nanos, String error) {}

  public static void main(String[] args) throws Exception {
    var options = LoadOptions.parse(args);
    int total = options.warmup() + options.requests();
    int perAccount = ceilDiv(total, options.accounts());
    if (perAccount > options.maxPerAccount()) {
      fail(
          "warmup + requests = "
              + total
              + " over "
              + options.accounts()
              + " accounts is "
              + perAccount
              + " submits per account, above --max-per-account "
              + options.maxPerAccount()
              + " (the server admits 30 per account per 60 s); use at least "
              + ceilDiv(total, options.maxPerAccount())
              + " accounts");
    }

    var client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            // Completions run on the client's selector thread instead of hopping to a pool: the
            // client shares the machine with the server, so its CPU per request should be small.
            .executor(Runnable::run)
            .build();
    var base = options.base().replaceAll("/+$", "");
    String runId = Long.toString(System.currentTimeMillis(), 36);

    // 1. Setup (not measured).
    log(
        "setup: %d accounts x %d credits, one key each (%d submits per account at most)",
        options.accounts(), (perAccount + 5) * PRICE, perAccount);
    long setupStart = System.nanoTime();
    String[] keys = setup(client, base, options, runId, (perAccount + 5) * PRICE);
    log("setup done in %.1f s", (System.nanoTime() - setupStart) / 1e9);

    // One request per index: index i uses account i mod N and a unique Idempotency-Key.
    var submitUri = URI.create(base + SUBMIT_PATH);
    var requests = new HttpRequest[total];
    for (int i = 0; i < total; i++) {
      requests[i] =
          HttpRequest.newBuilder(submitUri)
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + keys[i % keys.length])
              .header("Content-Type", "application/json")
              .header("Idempotency-Key", "bench-" + runId + "-" + i)
              .POST(HttpRequest.BodyPublishers.ofString(BODY))
              .build();
    }

    // 2. Warm-up (not recorded), same concurrency so the connection pool is filled too.
    if (options.warmup() > 0) {
      log("warm-up: %d submits at concurrency %d", options.warmup(), options.concurrency());
      var warm =
          run(client, requests, 0, options.warmup(), options.concurrency(), options.serverPid());
      log("warm-up done: %s", statusCounts(warm.outcomes()));
    }

    // 3. Measured run.
    log("measured: %d submits at concurrency %d", options.requests(), options.concurrency());
    var measured =
        run(client, requests, options.warmup(), total, options.concurrency(), options.serverPid());
    System.out.println(summary(options, measured));
    for (var outcome : measured.outcomes()) {
      if (outcome.error() != null || outcome.status() != 202) {
        log(
            "first non-202 outcome: status %d %s",
            outcome.status(), outcome.error() == null ? "" : outcome.error());
        break;
      }
    }
  }

  /**
   * The outcomes in request order, the wall time, and the CPU used meanwhile: by this client (ns),
   * by the server process and by the whole machine (Linux clock ticks; -1 where unknown).
   */
  record Run(
      Outcome[] outcomes,
      long wallNanos,
      long clientCpuNanos,
      long serverTicks,
      long machineBusyTicks) {}

  /** Sends requests[from, to) from {@code concurrency} workers, each in a closed loop. */
  static Run run(
      HttpClient client, HttpRequest[] requests, int from, int to, int concurrency, long serverPid)
      throws Exception {
    var outcomes = new Outcome[to - from];
    var next = new AtomicInteger(from);
    try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
      var futures = new ArrayList<Future<?>>();
      long serverStart = CpuClock.processTicks(serverPid);
      long machineStart = CpuClock.machineBusyTicks();
      long cpuStart = CpuClock.processCpuNanos();
      long start = System.nanoTime();
      for (int w = 0; w < concurrency; w++) {
        futures.add(
            pool.submit(
                () -> {
                  int i;
                  while ((i = next.getAndIncrement()) < to) {
                    outcomes[i - from] = send(client, requests[i]);
                  }
                  return null;
                }));
      }
      for (var f : futures) {
        f.get();
      }
      long wall = System.nanoTime() - start;
      long clientCpu = CpuClock.processCpuNanos() - cpuStart;
      long serverEnd = CpuClock.processTicks(serverPid);
      long machineEnd = CpuClock.machineBusyTicks();
      return new Run(
          outcomes,
          wall,
          clientCpu,
          serverStart < 0 || serverEnd < 0 ? -1 : serverEnd - serverStart,
          machineStart < 0 || machineEnd < 0 ? -1 : machineEnd - machineStart);
    }
  }

  static Outcome send(HttpClient client, HttpRequest request) {
    long t0 = System.nanoTime();
    try {
      var response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Outcome(response.statusCode(), System.nanoTime() - t0, null);
    } catch (IOException e) {
      return new Outcome(-1, System.nanoTime() - t0, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(-1, System.nanoTime() - t0, e.toString());
    }
  }

  static String[] setup(
      HttpClient client, String base, LoadOptions options, String runId, long credits)
      throws Exception {
    var keys = new String[options.accounts()];
    var next = new AtomicInteger();
    try (ExecutorService pool = Executors.newFixedThreadPool(options.setupConcurrency())) {
      var futures = new ArrayList<Future<?>>();
      for (int w = 0; w < options.setupConcurrency(); w++) {
        futures.add(
            pool.submit(
                () -> {
                  int i;
                  while ((i = next.getAndIncrement()) < keys.length) {
                    String email = "bench-" + runId + "-" + i + "@example.com";
                    var account =
                        admin(
                            client,
                            base + "/admin/v1/accounts",
                            options.adminToken(),
                            "{\"email\":\"" + email + "\",\"credits\":" + credits + "}");
                    var key =
                        admin(
                            client,
                            base + "/admin/v1/accounts/" + account.get("id") + "/keys",
                            options.adminToken(),
                            "{\"name\":\"bench\"}");
                    keys[i] = key.get("key");
                  }
                  return null;
                }));
      }
      for (var f : futures) {
        f.get();
      }
    }
    return keys;
  }

  static Map<String, String> admin(HttpClient client, String uri, String token, String body)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create(uri))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    var response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "POST " + uri + " answered " + response.statusCode() + ": " + response.body());
    }
    var fields = new HashMap<String, String>();
    var m = JSON_STRING_FIELD.matcher(response.body());
    while (m.find()) {
      fields.putIfAbsent(m.group(1), m.group(2));
    }
    return fields;
  }

  static String summary(LoadOptions options, Run run) {
    var outcomes = run.outcomes();
    long accepted = Arrays.stream(outcomes).filter(o -> o.status() == 202).count();
    var others = new TreeMap<>(statusCounts(outcomes));
    others.remove("202");
    long[] latencies = Arrays.stream(outcomes).mapToLong(Outcome::nanos).sorted().toArray();
    double seconds = run.wallNanos() / 1e9;
    double clientCores = run.clientCpuNanos() / (double) run.wallNanos();
    // NaN where unknown (no --server-pid, or no /proc).
    double serverCores =
        run.serverTicks() < 0
            ? Double.NaN
            : run.serverTicks() / CpuClock.TICKS_PER_SECOND / seconds;
    // Everything else the machine did meanwhile (other programs, the database server, the kernel's
    // own threads): when it is large, the figures measure a shared machine. Clock ticks are coarse,
    // so on short runs this can come out slightly below zero: shown as 0.
    double otherCores =
        run.machineBusyTicks() < 0
            ? Double.NaN
            : Math.max(
                0,
                run.machineBusyTicks() / CpuClock.TICKS_PER_SECOND / seconds
                    - clientCores
                    - (Double.isNaN(serverCores) ? 0 : serverCores));
    return String.format(
        Locale.ROOT,
        "RESULT db=%s requests=%d concurrency=%d accepted=%d other=%s duration=%.2fs"
            + " throughput=%.1f/s p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms"
            + " cpu_cores=client:%.2f,server:%s,others:%s,of:%d",
        options.label(),
        outcomes.length,
        options.concurrency(),
        accepted,
        others.isEmpty() ? "none" : others.toString().replace(" ", ""),
        seconds,
        accepted / seconds,
        percentile(latencies, 50),
        percentile(latencies, 90),
        percentile(latencies, 99),
        latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6,
        clientCores,
        cores(serverCores),
        cores(otherCores),
        Runtime.getRuntime().availableProcessors());
  }

  static String cores(double cores) {
    return Double.isNaN(cores) ? "n/a" : String.format(Locale.ROOT, "%.2f", cores);
  }

  /** Nearest-rank percentile, in milliseconds. */
  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  static Map<String, Long> statusCounts(Outcome[] outcomes) {
    var counts = new TreeMap<String, Long>();
    for (var o : outcomes) {
      counts.merge(o.status() < 0 ? "error" : Integer.toString(o.status()), 1L, Long::sum);
    }
    return counts;
  }

  static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  static void log(String format, Object... args) {
    System.err.printf(Locale.ROOT, "[SubmitLoad] " + format + "%n", args);
  }

  static void fail(String message) {
    System.err.println("SubmitLoad: " + message);
    System.exit(2);
  }
}
