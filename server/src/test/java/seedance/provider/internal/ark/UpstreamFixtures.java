package seedance.provider.internal.ark;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import seedance.media.MediaTestServer;
import seedance.testing.Api;
import tools.jackson.databind.JsonNode;

/** The fake Ark and the HTTPS host its output links point to, wired into a test server. */
final class UpstreamFixtures {

  private UpstreamFixtures() {}

  static ArkFakeServer ark() {
    try {
      return new ArkFakeServer();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits for a task to end by reading the database, then reads it once through the API as its
   * owner would: polling over HTTP would spend the account's 30 requests a minute that the test's
   * own calls need.
   */
  static JsonNode awaitEnd(JdbcClient jdbc, Api api, String key, String taskId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (jdbc.sql("SELECT status FROM tasks WHERE id = ?")
        .param(taskId)
        .query(String.class)
        .single()
        .equals("processing")) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("task " + taskId + " still processing after 90 s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    var response = api.get(key, "/api/v1/tasks/" + taskId);
    if (response.status() != 200) {
      throw new AssertionError("task read failed: " + response.status() + " " + response.text());
    }
    return response.json();
  }

  static void register(
      DynamicPropertyRegistry registry, ArkFakeServer ark, MediaTestServer outputs) {
    registry.add("seedance.ark.base-url", ark::baseUrl);
    outputs.routeFetchesHere(registry);
  }
}
