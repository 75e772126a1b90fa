package seedance.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import seedance.sdk.testing.ScriptedServer;
import seedance.sdk.testing.ScriptedServer.Seen;
import seedance.sdk.testing.ScriptedServer.Step;

/** The retry rules against a local server that answers 429, 503, resets and 4xx on cue. */
class RetryTest {

  private static final String ACCEPTED =
      "{\"id\":\"sd2_abc\",\"status\":\"processing\",\"model\":\"seedance2\","
          + "\"quality_tier\":\"standard\",\"channel\":\"standard\",\"credits_used\":30}";
  private static final String PROCESSING_TASK = task("processing", "null");
  private static final String COMPLETED_TASK =
      task(
          "completed",
          "{\"video_url\":\"http://127.0.0.1:1/v.mp4\",\"last_frame_url\":\"http://127.0.0.1:1/l.png\",\"seed\":7}");

  private static String task(String status, String output) {
    return "{\"id\":\"sd2_abc\",\"status\":\""
        + status
        + "\",\"model\":\"seedance2\",\"quality_tier\":\"standard\",\"channel\":\"standard\","
        + "\"credits_used\":30,\"credits_refunded\":0,\"output\":"
        + output
        + ",\"error\":null,\"created_at\":\"2026-06-03T10:00:00.000Z\","
        + "\"updated_at\":\"2026-06-03T10:00:01.000Z\",\"a_future_field\":1}";
  }

  private static SeedanceClient client(ScriptedServer server) {
    return SeedanceClient.builder()
        .apiKey("sk_live_test")
        .baseUrl(server.baseUrl())
        .backoff(Duration.ofMillis(10), Duration.ofMillis(40))
        .pollInterval(Duration.ofMillis(10), Duration.ofMillis(20))
        .build();
  }

  private static VideoRequest fox() {
    return VideoRequest.builder("a red fox running through fresh snow").duration(5).build();
  }

  @Test
  void waitsForRetryAfterOn429AndReusesTheIdempotencyKey() throws Exception {
    try (var server =
        new ScriptedServer(
            Step.error(429, "rate_limited", Map.of("Retry-After", "1")),
            Step.json(202, ACCEPTED))) {
      long start = System.nanoTime();
      var created = client(server).videos().create(fox());
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(created.id()).isEqualTo("sd2_abc");
      assertThat(created.creditsUsed()).isEqualTo(30);
      assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(950));
      assertThat(server.requests()).hasSize(2);
      assertSameKeyAndBody(server);
    }
  }

  @Test
  void retries503AndConnectionResetsWithTheSameKey() throws Exception {
    try (var server =
        new ScriptedServer(
            Step.error(503, "service_busy", Map.of()),
            Step.reset(),
            Step.error(500, "internal_error", Map.of()),
            Step.json(202, ACCEPTED))) {
      var created = client(server).videos().create(fox());

      assertThat(created.id()).isEqualTo("sd2_abc");
      assertThat(server.requests()).hasSize(4);
      assertSameKeyAndBody(server);
    }
  }

  @Test
  void givesUpAfterMaxRetriesWithTheErrorOfTheLastAnswer() throws Exception {
    try (var server =
        new ScriptedServer(Step.error(503, "service_busy", Map.of("Retry-After", "0")))) {
      var client = client(server).newBuilder().maxRetries(2).build();

      assertThatThrownBy(() -> client.videos().create(fox()))
          .isInstanceOfSatisfying(
              ServiceBusyException.class,
              e -> {
                assertThat(e.httpStatus()).isEqualTo(503);
                assertThat(e.code()).isEqualTo("service_busy");
                assertThat(e.retryAfter()).isEqualTo(Duration.ZERO);
              });
      assertThat(server.requests()).hasSize(3);
      assertSameKeyAndBody(server);
    }
  }

  @Test
  void neverRetriesOther4xx() throws Exception {
    try (var server =
        new ScriptedServer(
            new Step(
                400,
                Map.of("X-Request-Id", "req_1"),
                "{\"error\":{\"code\":\"invalid_request\",\"message\":\"duration must be a"
                    + " string\",\"param\":\"duration\",\"request_id\":\"req_1\"}}"))) {
      assertThatThrownBy(() -> client(server).videos().create(fox()))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e -> {
                assertThat(e.httpStatus()).isEqualTo(400);
                assertThat(e.param()).isEqualTo("duration");
                assertThat(e.requestId()).isEqualTo("req_1");
                assertThat(e.getMessage()).isEqualTo("duration must be a string");
              });
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void eachErrorCodeHasItsOwnExceptionAndNoneIsRetried() throws Exception {
    record Case(int status, String code, Class<? extends SeedanceException> type) {}
    var cases =
        new Case[] {
          new Case(401, "unauthorized", UnauthorizedException.class),
          new Case(402, "insufficient_credits", InsufficientCreditsException.class),
          new Case(404, "not_found", NotFoundException.class),
          new Case(409, "idempotency_conflict", IdempotencyConflictException.class),
        };
    for (var c : cases) {
      try (var server = new ScriptedServer(Step.error(c.status(), c.code(), Map.of()))) {
        assertThatThrownBy(() -> client(server).videos().create(fox()))
            .isInstanceOf(c.type())
            .extracting(e -> ((SeedanceException) e).code())
            .isEqualTo(c.code());
        assertThat(server.requests()).as(c.code()).hasSize(1);
      }
    }
    try (var server = new ScriptedServer(Step.error(500, "internal_error", Map.of()))) {
      var client = client(server).newBuilder().maxRetries(0).build();
      assertThatThrownBy(() -> client.tasks().get("sd2_abc"))
          .isInstanceOf(InternalErrorException.class);
    }
    try (var server =
        new ScriptedServer(Step.error(429, "rate_limited", Map.of("Retry-After", "0")))) {
      var client = client(server).newBuilder().maxRetries(1).build();
      assertThatThrownBy(() -> client.tasks().get("sd2_abc"))
          .isInstanceOf(RateLimitedException.class);
      assertThat(server.requests()).hasSize(2);
    }
  }

  @Test
  void everyLogicalCreateHasItsOwnKeyUnlessOneIsGiven() throws Exception {
    try (var server = new ScriptedServer(Step.json(202, ACCEPTED))) {
      var client = client(server);
      client.videos().create(fox());
      client.videos().create(fox());
      client.videos().create(fox(), "my-key-1");

      var keys = server.requests().stream().map(r -> r.header("Idempotency-Key")).toList();
      assertThat(keys.get(0)).isNotEqualTo(keys.get(1));
      assertThat(keys.get(2)).isEqualTo("my-key-1");
      assertThat(server.requests().getFirst().header("Authorization"))
          .isEqualTo("Bearer sk_live_test");
      assertThat(server.requests().getFirst().body())
          .isEqualTo("{\"prompt\":\"a red fox running through fresh snow\",\"duration\":\"5\"}");
    }
  }

  @Test
  void waitForPollsUntilTheTaskEndsThroughA429() throws Exception {
    try (var server =
        new ScriptedServer(
            Step.json(200, PROCESSING_TASK),
            Step.error(429, "rate_limited", Map.of("Retry-After", "1")),
            Step.json(200, PROCESSING_TASK),
            Step.json(200, COMPLETED_TASK))) {
      var polls = new java.util.ArrayList<String>();
      var task =
          client(server)
              .tasks()
              .waitFor("sd2_abc", Duration.ofSeconds(30), t -> polls.add(t.status()));

      assertThat(task.isCompleted()).isTrue();
      assertThat(task.output().seed()).isEqualTo(7);
      assertThat(polls).containsExactly("processing", "processing", "completed");
      assertThat(server.requests()).extracting(Seen::path).containsOnly("/api/v1/tasks/sd2_abc");
    }
  }

  @Test
  void waitForGivesUpAtItsTimeoutWithTheLastTaskSeen() throws Exception {
    try (var server = new ScriptedServer(Step.json(200, PROCESSING_TASK))) {
      assertThatThrownBy(() -> client(server).tasks().waitFor("sd2_abc", Duration.ofMillis(200)))
          .isInstanceOfSatisfying(
              WaitTimeoutException.class,
              e -> assertThat(e.lastSeen().status()).isEqualTo("processing"));
    }
  }

  private static void assertSameKeyAndBody(ScriptedServer server) {
    var requests = server.requests();
    String key = requests.getFirst().header("Idempotency-Key");
    assertThat(key).isNotBlank();
    assertThat(requests).extracting(r -> r.header("Idempotency-Key")).containsOnly(key);
    assertThat(requests).extracting(Seen::body).containsOnly(requests.getFirst().body());
  }
}
