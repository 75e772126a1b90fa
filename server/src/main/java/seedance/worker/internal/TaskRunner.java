package seedance.worker.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import seedance.config.ServerSettings;
import seedance.media.MediaFetchException;
import seedance.provider.GenerationRequest;
import seedance.provider.GenerationStatus;
import seedance.provider.VideoProvider;
import seedance.storage.OutputStore;
import seedance.task.Claim;
import seedance.task.Task;
import seedance.task.TaskQueue;
import seedance.task.Tasks;
import tools.jackson.databind.json.JsonMapper;

/**
 * One attempt at one task: fetch the user's media safely, generate on the provider, move the
 * outputs into the output store, and end the task in one transaction. Every write presents the
 * claim's fencing token, so an attempt that lost its lease changes nothing.
 */
@Component
class TaskRunner {

  private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

  private final Tasks tasks;
  private final TaskQueue queue;
  private final MediaInputs inputs;
  private final VideoProvider provider;
  private final OutputStore store;
  private final JsonMapper json;
  private final Path workRoot;

  TaskRunner(
      Tasks tasks,
      TaskQueue queue,
      MediaInputs inputs,
      VideoProvider provider,
      OutputStore store,
      JsonMapper json,
      ServerSettings settings) {
    this.tasks = tasks;
    this.queue = queue;
    this.inputs = inputs;
    this.provider = provider;
    this.store = store;
    this.json = json;
    this.workRoot = settings.dataDir().resolve("work");
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
          "this task failed because the request asked for it (X-Sandbox-Outcome: failed); all credits were refunded");
      return;
    }
    Path workDir = workRoot.resolve(task.id());
    try {
      Files.createDirectories(workDir);
      GenerationRequest request = inputs.prepare(task, workDir);
      // A paid submit is never repeated: an earlier attempt's upstream id is polled instead.
      var earlier = queue.upstreamId(claim, provider.name());
      String upstreamId = earlier.isPresent() ? earlier.get() : provider.submit(request);
      if (earlier.isEmpty() && !queue.recordUpstream(claim, provider.name(), upstreamId)) {
        return;
      }
      finish(claim, task, awaitEnd(upstreamId, request));
    } catch (MediaFetchException e) {
      log.info("task {}: input media refused ({})", task.id(), e.code());
      queue.fail(claim, e.code(), e.getMessage() + "; all credits were refunded");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      // Shutting down: the lease is handed back and another attempt polls on.
      Thread.currentThread().interrupt();
    } finally {
      deleteRecursively(workDir);
    }
  }

  /** Polls with backoff until the generation ends; the heartbeat keeps our lease meanwhile. */
  private GenerationStatus awaitEnd(String upstreamId, GenerationRequest request)
      throws InterruptedException {
    GenerationStatus status = provider.poll(upstreamId, request);
    long delay = 1_000;
    while (status.state() == GenerationStatus.State.RUNNING) {
      Thread.sleep(delay);
      delay = Math.min(delay * 2, 15_000);
      status = provider.poll(upstreamId, request);
    }
    return status;
  }

  private void finish(Claim claim, Task task, GenerationStatus status) {
    switch (status.state()) {
      case SUCCEEDED -> {
        String videoKey = task.id() + "/video.mp4";
        String frameKey = task.id() + "/last_frame.png";
        store.put(videoKey, status.video());
        store.put(frameKey, status.lastFrame());
        var output = new LinkedHashMap<String, Object>();
        output.put("video", videoKey);
        output.put("last_frame", frameKey);
        output.put("seed", status.seed());
        queue.complete(claim, json.writeValueAsString(output));
      }
      case FAILED ->
          queue.fail(
              claim, status.errorCode(), status.errorMessage() + "; all credits were refunded");
      case RUNNING -> throw new IllegalStateException("awaitEnd returns only ended generations");
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
