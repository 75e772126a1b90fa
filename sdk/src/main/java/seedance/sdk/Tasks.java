package seedance.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/** {@code GET /api/v1/tasks/{id}}, a polling wait, and the download of a finished task's output. */
public final class Tasks {

  private final ApiHttp http;
  private final Duration initialPoll;
  private final Duration maxPoll;

  Tasks(ApiHttp http, Duration initialPoll, Duration maxPoll) {
    this.http = http;
    this.initialPoll = initialPoll;
    this.maxPoll = maxPoll;
  }

  /** The task as it is now. */
  public Task get(String id) {
    String path = "/api/v1/tasks/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    var response = http.call("GET", path, null, Map.of());
    return http.json().readValue(response.body(), Task.class);
  }

  /**
   * Polls until the task is completed or failed; see {@link #waitFor(String, Duration, Consumer)}.
   */
  public Task waitFor(String id, Duration timeout) {
    return waitFor(id, timeout, task -> {});
  }

  /**
   * Polls until the task is {@code completed} or {@code failed} and returns it (a failed task is
   * returned, not thrown: look at {@link Task#error()}). Polls start one second apart and slow down
   * to {@link SeedanceClient#DEFAULT_MAX_POLL_INTERVAL}, well inside the rate limit; a 429 waits
   * for its {@code Retry-After}.
   *
   * @param onPoll called with the task after every poll (progress displays)
   * @throws WaitTimeoutException when the task is still processing after {@code timeout}
   */
  public Task waitFor(String id, Duration timeout, Consumer<Task> onPoll) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration interval = initialPoll;
    while (true) {
      Task task = get(id);
      onPoll.accept(task);
      if (task.isDone()) {
        return task;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new WaitTimeoutException(task);
      }
      Retrying.sleep(Duration.ofNanos(Math.min(left, interval.toNanos())));
      long next = Math.min(interval.toMillis() * 3 / 2, maxPoll.toMillis());
      interval = Duration.ofMillis(next);
    }
  }

  /**
   * Saves the video of a completed task to {@code target} (written beside it first, then moved, so
   * a broken download never leaves a partial file under the name).
   */
  public Path download(Task task, Path target) {
    return save(requireOutput(task).videoUrl(), target);
  }

  /** Saves the PNG of the last frame of a completed task to {@code target}. */
  public Path downloadLastFrame(Task task, Path target) {
    return save(requireOutput(task).lastFrameUrl(), target);
  }

  private static Task.Output requireOutput(Task task) {
    if (!task.isCompleted() || task.output() == null) {
      throw new IllegalStateException("task " + task.id() + " is " + task.status() + ", no output");
    }
    return task.output();
  }

  private Path save(String url, Path target) {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    try {
      Files.createDirectories(dir);
      Path partial = Files.createTempFile(dir, "." + absolute.getFileName(), ".part");
      try {
        try (InputStream in = http.download(URI.create(url))) {
          Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(partial);
      }
      return absolute;
    } catch (IOException e) {
      throw new UncheckedIOException("could not save " + target + ": " + e.getMessage(), e);
    }
  }
}
