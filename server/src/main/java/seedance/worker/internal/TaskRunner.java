package seedance.worker.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import seedance.config.ServerSettings;
import seedance.credit.Book;
import seedance.media.MediaFetchException;
import seedance.media.MediaKind;
import seedance.media.SafeFetcher;
import seedance.provider.FrameExtractor;
import seedance.provider.GenerationRequest;
import seedance.provider.GenerationStatus;
import seedance.provider.ProviderException;
import seedance.provider.Providers;
import seedance.provider.Route;
import seedance.provider.VideoProvider;
import seedance.storage.OutputStore;
import seedance.task.Claim;
import seedance.task.Task;
import seedance.task.TaskQueue;
import seedance.task.Tasks;
import seedance.task.UpstreamRef;
import tools.jackson.databind.json.JsonMapper;

/**
 * One attempt at one task: fetch the user's media safely, generate on the provider, move the
 * outputs into the output store, and end the task in one transaction. Every write presents the
 * claim's fencing token, so an attempt that lost its lease changes nothing. A paid create is sent
 * at most twice, and the second time only after an ambiguous first one could not be found at the
 * upstream (counted in a metric).
 */
@Component
class TaskRunner {

  private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);
  private static final Duration MAX_POLL_DELAY = Duration.ofSeconds(15);

  private final Tasks tasks;
  private final TaskQueue queue;
  private final MediaInputs inputs;
  private final Providers providers;
  private final OutputStore store;
  private final SafeFetcher fetcher;
  private final FrameExtractor frames;
  private final JsonMapper json;
  private final Path workRoot;
  private final Counter ambiguousResubmits;

  TaskRunner(
      Tasks tasks,
      TaskQueue queue,
      MediaInputs inputs,
      Providers providers,
      OutputStore store,
      SafeFetcher fetcher,
      FrameExtractor frames,
      JsonMapper json,
      ServerSettings settings,
      MeterRegistry metrics) {
    this.tasks = tasks;
    this.queue = queue;
    this.inputs = inputs;
    this.providers = providers;
    this.store = store;
    this.fetcher = fetcher;
    this.frames = frames;
    this.json = json;
    this.workRoot = settings.dataDir().resolve("work");
    this.ambiguousResubmits = metrics.counter("seedance.upstream.ambiguous_resubmits");
  }

  void run(Claim claim) {
    var task = tasks.find(claim.taskId()).orElse(null);
    if (task == null || !Task.PROCESSING.equals(task.status())) {
      return;
    }
    if ("failed".equals(task.sandboxOutcome())) {
      queue.fail(
          claim,
          "generation_failed",
          "this task failed because the request asked for it (X-Sandbox-Outcome: failed);"
              + " all credits were refunded");
      return;
    }
    Path workDir = workRoot.resolve(task.id());
    try {
      Files.createDirectories(workDir);
      GenerationRequest request = inputs.prepare(task, workDir);
      // A paid submit is never repeated: an earlier attempt's upstream id is polled instead.
      var upstream = queue.upstream(claim).orElse(null);
      if (upstream == null) {
        upstream = submitOnRoute(task, request);
        if (!queue.recordUpstream(claim, upstream.provider(), upstream.id())) {
          return;
        }
      }
      VideoProvider provider = providers.named(upstream.provider());
      finish(claim, task, workDir, awaitEnd(provider, upstream.id(), request));
    } catch (MediaFetchException e) {
      log.info("task {}: media refused ({})", task.id(), e.code());
      queue.fail(claim, e.code(), e.getMessage() + "; all credits were refunded");
    } catch (ProviderException e) {
      onProviderFailure(claim, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      // Shutting down: the lease is handed back and another attempt polls on.
      Thread.currentThread().interrupt();
    } finally {
      deleteRecursively(workDir);
    }
  }

  /**
   * Tries the route of the task's tier and channel in order, skipping resting providers. Our
   * account's problem or a throttle at one rests it and moves on to the next; anything else
   * (including an ambiguous create, which may have been paid) stops here.
   */
  private UpstreamRef submitOnRoute(Task task, GenerationRequest request) {
    // Test keys pay play money, so they never reach a paid upstream whatever the routing says.
    var route =
        Book.SANDBOX.wire().equals(task.book())
            ? List.of(new Route(providers.local(), null))
            : providers.available(task.qualityTier(), task.channel());
    if (route.isEmpty()) {
      throw new ProviderException(
          ProviderException.Kind.THROTTLED, null, "every provider on the route is resting", null);
    }
    for (int i = 0; ; i++) {
      Route step = route.get(i);
      try {
        return new UpstreamRef(step.name(), submit(step.provider(), request.onModel(step.model())));
      } catch (ProviderException e) {
        boolean failover =
            e.kind() == ProviderException.Kind.ACCOUNT
                || e.kind() == ProviderException.Kind.THROTTLED;
        if (failover) {
          providers.rest(step.name(), e.kind());
        }
        if (!failover || i == route.size() - 1) {
          throw e;
        }
        log.warn(
            "task {}: {} refused ({}), trying {}",
            task.id(),
            step.name(),
            e.kind(),
            route.get(i + 1).name());
      }
    }
  }

  private String submit(VideoProvider provider, GenerationRequest request) {
    try {
      return provider.submit(request);
    } catch (ProviderException e) {
      if (e.kind() != ProviderException.Kind.AMBIGUOUS) {
        throw e;
      }
      var found = provider.findSubmitted(request);
      if (found.isPresent()) {
        return found.get();
      }
      // The upstream may or may not have our first create; the user's task matters more than the
      // operator's possible double cost, so it is sent once more, and counted.
      ambiguousResubmits.increment();
      log.warn(
          "task {}: create was ambiguous and not found upstream; resubmitting once",
          request.taskId());
      return provider.submit(request);
    }
  }

  private void onProviderFailure(Claim claim, ProviderException e) {
    switch (e.kind()) {
      case REJECTED ->
          queue.fail(
              claim,
              e.code() == null ? "generation_failed" : e.code(),
              e.getMessage() + "; all credits were refunded");
      case NOT_SENT, THROTTLED, UPSTREAM_ERROR -> {
        Duration delay = Duration.ofSeconds(Math.min(300, 10L << Math.min(claim.attempts(), 5)));
        log.info(
            "task {}: provider {} ({}); retrying in {}",
            claim.taskId(),
            e.kind(),
            e.getMessage(),
            delay);
        queue.retryLater(claim, delay);
      }
      case ACCOUNT, AMBIGUOUS -> {
        log.error("task {}: provider {}: {}", claim.taskId(), e.kind(), e.getMessage());
        queue.fail(
            claim,
            "upstream_unavailable",
            "the video service is unavailable right now; all credits were refunded");
      }
    }
  }

  /** Polls with backoff until the generation ends; the heartbeat keeps our lease meanwhile. */
  private GenerationStatus awaitEnd(
      VideoProvider provider, String upstreamId, GenerationRequest request)
      throws InterruptedException {
    long delay = 1_000;
    while (true) {
      GenerationStatus status;
      try {
        status = provider.poll(upstreamId, request);
      } catch (ProviderException e) {
        if (e.kind() == ProviderException.Kind.REJECTED) {
          throw e;
        }
        // Reading a task is safe to repeat; the deadline bounds how long we keep trying.
        log.info("task {}: poll failed ({}), retrying", request.taskId(), e.kind());
        status = GenerationStatus.running();
      }
      if (status.state() != GenerationStatus.State.RUNNING) {
        return status;
      }
      Thread.sleep(delay);
      delay = Math.min(delay * 2, MAX_POLL_DELAY.toMillis());
    }
  }

  private void finish(Claim claim, Task task, Path workDir, GenerationStatus status) {
    if (status.state() == GenerationStatus.State.FAILED) {
      queue.fail(claim, status.errorCode(), status.errorMessage() + "; all credits were refunded");
      return;
    }
    Path video = status.video();
    Path lastFrame = status.lastFrame();
    if (video == null) {
      // Upstream links expire within hours: copy the outputs now, through the same SSRF guard.
      video =
          fetcher
              .fetch(status.videoUrl(), workDir.resolve("upstream-video"), MediaKind.VIDEO)
              .file();
      lastFrame = workDir.resolve("upstream-last-frame.png");
      if (status.lastFrameUrl() != null) {
        lastFrame = fetcher.fetch(status.lastFrameUrl(), lastFrame, MediaKind.IMAGE).file();
      } else {
        frames.lastFrame(video, lastFrame);
      }
    }
    String videoKey = task.id() + "/video.mp4";
    String frameKey = task.id() + "/last_frame.png";
    store.put(videoKey, video);
    store.put(frameKey, lastFrame);
    var output = new LinkedHashMap<String, Object>();
    output.put("video", videoKey);
    output.put("last_frame", frameKey);
    output.put("seed", status.seed());
    queue.complete(claim, json.writeValueAsString(output), status.usageJson());
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.warn("could not remove work directory {}: {}", dir, e.toString());
    }
  }
}
