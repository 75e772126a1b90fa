package seedance.testing;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Polls a task like a client would, until it leaves {@code processing}. */
public final class Tasks {

  private Tasks() {}

  public static JsonNode awaitEnd(Api api, String key, String taskId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      var response = api.get(key, "/api/v1/tasks/" + taskId);
      if (response.status() == 429) {
        // A polite client waits as told.
        sleep(Long.parseLong(response.header("Retry-After")) * 1000);
        continue;
      }
      if (response.status() != 200) {
        throw new AssertionError("task read failed: " + response.status() + " " + response.text());
      }
      var task = response.json();
      if (!task.path("status").asString().equals("processing")) {
        return task;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("task " + taskId + " still processing after " + timeout);
      }
      sleep(200);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
