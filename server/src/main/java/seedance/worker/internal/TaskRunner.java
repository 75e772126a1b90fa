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
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import seedance.config.ServerSettings;
import seedance.credit.Book;
import seedance.media.MediaFetchException;
import seedance.media.MediaKind;
import seedance.media.SafeFetcher;
import seedance.provider.Callbacks;
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
 * One step of one task. A task not yet submitted gets its media fetched safely and is submitted (or
 * rendered locally to the end); a task waiting on an upstream gets ONE poll, and goes back to the
 * queue with its next poll time and its lease released, so a process keeps thousands of upstream
 * tasks in flight without holding a thread for any of them. At the end the outputs move into the
 * output store and the task ends in one transaction. Every write presents the claim's fencing
 * token, so a step that lost its lease changes nothing. A paid create is sent at most twice, and
 * the second time only after an ambiguous first one could not be found at the upstream (counted in
 * a metric).
 */
@Component
class TaskRunner {

  private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

  private final Tasks tasks;
  private final TaskQueue queue;
  private final MediaInputs inputs;
  private final Providers providers;
  private final OutputStore store;
  private final SafeFetcher fetcher;
  private final FrameExtractor frames;
  private final JsonMapper json;
  private final Path workRoot;
  private final WorkerSettings settings;
  private final UpstreamLimits limits;
  private final Callbacks callbacks;
  private final Counter ambiguousResubmits;
  private final Counter upstreamPolls;

  TaskRunner(
      Tasks tasks,
      TaskQueue queue,
      MediaInputs inputs,
      Providers providers,
      OutputStore store,
      SafeFetcher fetcher,
      FrameExtractor frames,
      JsonMapper json,
      ServerSettings server,
      WorkerSettings settings,
      UpstreamLimits limits,
      Callbacks callbacks,
      MeterRegistry metrics) {
    this.tasks = tasks;
    this.queue = queue;
    this.inputs = inputs;
    this.providers = providers;
    this.store = store;
    this.fetcher = fetcher;
    this.frames = frames;
    this.json = json;
    this.workRoot = server.dataDir().resolve("work");
    this.settings = settings;
    this.limits = limits;
    this.callbacks = callbacks;
    this.ambiguousResubmits = metrics.counter("seedance.upstream.ambiguous_resubmits");
    this.upstreamPolls = metrics.counter("seedance.upstream.polls");
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
      // A paid submit is never repeated: an earlier attempt's upstream id is polled instead.
      var upstream = queue.upstream(claim).orElse(null);
      GenerationRequest request;
      VideoProvider provider;
      if (upstream == null) {
        // Fetched only once a provider has room: a task waiting at a cap fetches nothing.
        var prepared = new Prepared(() -> inputs.prepare(task, workDir));
        upstream = submitOnRoute(claim, task, prepared);
        if (upstream == null) {
          return;
        }
        request = prepared.get();
        provider = providers.named(upstream.provider());
        if (!provider.local()) {
          queue.pollLater(claim, settings.pollDelay(0, callbacks.enabled(), null));
          return;
        }
      } else {
        provider = providers.named(upstream.provider());
        request =
            provider.local() ? inputs.prepare(task, workDir) : inputs.withoutMedia(task, workDir);
      }
      GenerationStatus status = pollOnce(claim, provider, upstream.id(), request);
      if (status != null) {
        finish(claim, task, workDir, status);
      }
    } catch (MediaFetchException e) {
      log.info("task {}: media refused ({})", task.id(), e.code());
      queue.fail(claim, e.code(), e.getMessage() + "; all credits were refunded");
    } catch (ProviderException e) {
      onProviderFailure(claim, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      // Shutting down: the lease is handed back and another worker carries on.
      Thread.currentThread().interrupt();
    } finally {
      deleteRecursively(workDir);
    }
  }

  /**
   * Tries the route of the task's tier and channel in order, skipping resting providers and those
   * at their in-flight cap, and records the upstream id it got. Our account's problem or a throttle
   * at one rests it (as long as its Retry-After asks, when it sent one) and moves on to the next;
   * anything else (including an ambiguous create, which may have been paid) stops here. Null when
   * every provider is at its cap (the task waits its turn) or the claim was lost meanwhile.
   */
  private UpstreamRef submitOnRoute(Claim claim, Task task, Prepared request)
      throws InterruptedException {
    // Test keys pay play money, so they never reach a paid upstream whatever the routing says.
    var route =
        Book.SANDBOX.wire().equals(task.book())
            ? List.of(new Route(providers.local(), null))
            : providers.available(task.qualityTier(), task.channel());
    if (route.isEmpty()) {
      throw new ProviderException(
          ProviderException.Kind.THROTTLED, null, "every provider on the route is resting", null);
    }
    ProviderException last = null;
    for (Route step : route) {
      VideoProvider provider = step.provider();
      if (!provider.local() && !limits.reserve(step.name(), () -> queue.inFlight(step.name()))) {
        // Debug: every waiting task says this again on each retry, about once a second.
        log.debug("task {}: {} is at its in-flight cap", task.id(), step.name());
        continue;
      }
      try {
        if (!provider.local()) {
          limits.acquire(step.name());
        }
        var upstream =
            new UpstreamRef(step.name(), submit(provider, request.get().onModel(step.model())));
        return queue.recordUpstream(claim, upstream.provider(), upstream.id()) ? upstream : null;
      } catch (ProviderException e) {
        boolean failover =
            e.kind() == ProviderException.Kind.ACCOUNT
                || e.kind() == ProviderException.Kind.THROTTLED;
        if (!failover) {
          throw e;
        }
        providers.rest(step.name(), e.kind(), e.retryAfter());
        log.warn("task {}: {} refused ({})", task.id(), step.name(), e.kind());
        last = e;
      } finally {
        if (!provider.local()) {
          limits.release(step.name());
        }
      }
    }
    if (last != null) {
      throw last;
    }
    limits.pauseCreates(settings.pollInitial());
    queue.waitTurn(claim, settings.pollInitial());
    return null;
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
        Duration delay = settings.retryDelay(claim.retries(), e.retryAfter());
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

  /**
   * Reads the generation once. Still running, or the read itself failed (safe to repeat; the
   * deadline bounds it): the task goes back to the queue for its next poll and null is returned.
   */
  private GenerationStatus pollOnce(
      Claim claim, VideoProvider provider, String upstreamId, GenerationRequest request)
      throws InterruptedException {
    GenerationStatus status;
    Duration retryAfter = null;
    if (!provider.local()) {
      limits.acquire(provider.name());
      upstreamPolls.increment();
    }
    try {
      status = provider.poll(upstreamId, request);
    } catch (ProviderException e) {
      if (e.kind() == ProviderException.Kind.REJECTED || provider.local()) {
        throw e;
      }
      log.info("task {}: poll failed ({}), polling again later", request.taskId(), e.kind());
      status = GenerationStatus.running();
      retryAfter = e.retryAfter();
    }
    if (status.state() != GenerationStatus.State.RUNNING) {
      return status;
    }
    queue.pollLater(
        claim,
        settings.pollDelay(claim.polls(), callbacks.enabled() && !provider.local(), retryAfter));
    return null;
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

  /** The task's request, its media fetched on first use and then kept. */
  private static final class Prepared {
    private final Supplier<GenerationRequest> prepare;
    private GenerationRequest request;

    Prepared(Supplier<GenerationRequest> prepare) {
      this.prepare = prepare;
    }

    GenerationRequest get() {
      if (request == null) {
        request = prepare.get();
      }
      return request;
    }
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
