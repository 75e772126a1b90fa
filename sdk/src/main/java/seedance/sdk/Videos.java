package seedance.sdk;

import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/video/seedance2}: submit a video job. */
public final class Videos {

  static final String PATH = "/api/v1/video/seedance2";

  private final ApiHttp http;

  Videos(ApiHttp http) {
    this.http = http;
  }

  /**
   * Submits {@code request} under a fresh Idempotency-Key, which every retry of this call reuses:
   * the job is created and charged at most once however often the network fails.
   */
  public CreatedTask create(VideoRequest request) {
    return create(request, UUID.randomUUID().toString());
  }

  /**
   * Submits {@code request} under {@code idempotencyKey}. Calling again with the same key and body
   * (for example after a crash) returns the first answer instead of a second task; the same key
   * with another body is an {@link IdempotencyConflictException}.
   */
  public CreatedTask create(VideoRequest request, String idempotencyKey) {
    String body = http.json().writeValueAsString(request);
    var response = http.call("POST", PATH, body, Map.of("Idempotency-Key", idempotencyKey));
    JsonNode node = http.json().readTree(response.body());
    return new CreatedTask(
        node.path("id").asString(),
        node.path("status").asString(),
        node.path("model").asString(),
        node.path("quality_tier").asString(),
        node.path("channel").asString(),
        node.path("credits_used").asLong(),
        response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false));
  }
}
