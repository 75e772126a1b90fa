package seedance.docs.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import seedance.idempotency.IdempotencyKeys;
import seedance.media.MediaFetchException;
import seedance.video.SubmitContract;
import seedance.web.ErrorCode;

/**
 * The facts of the contract that are not the submit body's fields: response shapes, headers, error
 * codes, limits and the documented request/response examples. The body fields come from {@link
 * SubmitContract}, which the parser reads; the shapes and examples here are held to the running
 * server by DocsExamplesTest.
 */
@Component
class ApiFacts {

  static final String TASK_PATH = SubmitContract.TASK_PATH;
  static final String ACCOUNT_PATH = "/api/v1/account";
  static final String SANDBOX_HEADER = "X-Sandbox-Outcome";
  static final int IDEMPOTENCY_KEY_MAX = 255;

  /** A JSON property of a response: name, JSON type (as OpenAPI names it) and nullability. */
  record Property(String name, String type, boolean nullable) {}

  static final List<Property> ACCEPTED =
      List.of(
          new Property("id", "string", false),
          new Property("status", "string", false),
          new Property("model", "string", false),
          new Property("quality_tier", "string", false),
          new Property("channel", "string", false),
          new Property("credits_used", "integer", false));

  static final List<Property> TASK =
      List.of(
          new Property("id", "string", false),
          new Property("status", "string", false),
          new Property("model", "string", false),
          new Property("quality_tier", "string", false),
          new Property("channel", "string", false),
          new Property("credits_used", "integer", false),
          new Property("credits_refunded", "integer", false),
          new Property("output", "object", true),
          new Property("error", "object", true),
          new Property("created_at", "string", false),
          new Property("updated_at", "string", false));

  static final List<Property> OUTPUT =
      List.of(
          new Property("video_url", "string", false),
          new Property("last_frame_url", "string", false),
          new Property("seed", "integer", true));

  static final List<Property> TASK_ERROR =
      List.of(new Property("code", "string", false), new Property("message", "string", false));

  static final List<Property> ERROR =
      List.of(
          new Property("code", "string", false),
          new Property("message", "string", false),
          new Property("param", "string", false),
          new Property("request_id", "string", false));

  static final List<Property> ACCOUNT =
      List.of(
          new Property("id", "string", false),
          new Property("email", "string", false),
          new Property("balance", "integer", false));

  static final List<String> TASK_STATUSES = List.of("processing", "completed", "failed");

  /** Codes a failed task can carry in {@code error.code}. */
  static final List<String> TASK_ERROR_CODES =
      List.of(
          "generation_failed",
          "generation_timeout",
          "content_rejected",
          "upstream_unavailable",
          MediaFetchException.NOT_ALLOWED,
          MediaFetchException.FETCH_FAILED,
          MediaFetchException.TOO_LARGE,
          MediaFetchException.TIMEOUT,
          MediaFetchException.TYPE_UNSUPPORTED);

  /** Error codes in the order of the contract's table; every {@link ErrorCode} is listed. */
  static final List<ErrorCode> ERROR_CODES = List.of(ErrorCode.values());

  /** What a client should do on each code; a new code without an entry does not compile. */
  static boolean retryable(ErrorCode code) {
    return switch (code) {
      case RATE_LIMITED, SERVICE_BUSY, INTERNAL_ERROR -> true;
      case IDEMPOTENCY_CONFLICT -> true; // only the "still in progress" case, with Retry-After
      case UNAUTHORIZED,
          INVALID_REQUEST,
          INSUFFICIENT_CREDITS,
          NOT_FOUND,
          ALREADY_EXISTS,
          METHOD_NOT_ALLOWED ->
          false;
    };
  }

  /**
   * One documented exchange: a request that a client can send as shown, and the answer it gets.
   * {@code precondition} says what must be true first (a key with credits, a used key...).
   */
  record Exchange(
      String id,
      String method,
      String path,
      Precondition precondition,
      String requestBody,
      int status,
      String responseBody) {}

  enum Precondition {
    /** A valid key with enough credits. */
    FUNDED_KEY,
    /** No Authorization header at all. */
    NO_KEY,
    /** A valid key whose balance is zero. */
    EMPTY_BALANCE,
    /** The same Idempotency-Key was already used with another body. */
    KEY_USED_WITH_OTHER_BODY,
    /** The account already made its allowance of requests in the window. */
    LIMIT_SPENT,
    /** A task made by this account that is still running. */
    OWN_PROCESSING_TASK,
    /** A task id no account of this key owns. */
    UNKNOWN_TASK
  }

  static final String TEXT_BODY =
      json(
          SubmitContract.MODE,
          SubmitContract.QUALITY_TIER,
          SubmitContract.PROMPT,
          SubmitContract.ASPECT_RATIO,
          SubmitContract.DURATION,
          SubmitContract.RESOLUTION);

  static final String IMAGE_BODY =
      "{\"mode\":\""
          + SubmitContract.IMAGE_MODE
          + "\",\"prompt\":\"The train slows and stops at a small snowy station, the camera"
          + " holding still\",\"image_url\":"
          + quote(SubmitContract.IMAGE_URL.example())
          + ",\"end_image_url\":"
          + quote(SubmitContract.END_IMAGE_URL.example())
          + ",\"duration\":\"5\",\"fixed_lens\":true}";

  static final String MEDIA_BODY =
      "{\"mode\":\""
          + SubmitContract.MEDIA_MODE
          + "\",\"prompt\":\"The character from the first reference walks through a night market,"
          + " moving like the dancer in the second reference; stable face, natural motion, no"
          + " watermark\",\"media_urls\":[\"https://media.example.com/character.png\","
          + "\"https://media.example.com/motion.mp4\"],\"seed\":"
          + SubmitContract.SEED.example()
          + "}";

  static final String ACCEPTED_BODY =
      "{\"id\":\"sd2_xxxxx\",\"status\":\"processing\",\"model\":\"seedance2\","
          + "\"quality_tier\":\"standard\",\"channel\":\"standard\",\"credits_used\":30}";

  static final List<Exchange> EXCHANGES =
      List.of(
          new Exchange(
              "text-to-video",
              "POST",
              SubmitContract.PATH,
              Precondition.FUNDED_KEY,
              TEXT_BODY,
              202,
              ACCEPTED_BODY),
          new Exchange(
              "image-to-video",
              "POST",
              SubmitContract.PATH,
              Precondition.FUNDED_KEY,
              IMAGE_BODY,
              202,
              ACCEPTED_BODY),
          new Exchange(
              "media-to-video",
              "POST",
              SubmitContract.PATH,
              Precondition.FUNDED_KEY,
              MEDIA_BODY,
              202,
              ACCEPTED_BODY),
          new Exchange(
              "unsupported-field",
              "POST",
              SubmitContract.PATH,
              Precondition.FUNDED_KEY,
              "{\"prompt\":\"a red fox running through fresh snow\",\"colour\":\"red\"}",
              400,
              error(ErrorCode.INVALID_REQUEST, "unsupported field: colour", "colour")),
          new Exchange(
              "missing-key",
              "POST",
              SubmitContract.PATH,
              Precondition.NO_KEY,
              TEXT_BODY,
              401,
              error(ErrorCode.UNAUTHORIZED, "invalid or missing API key", null)),
          new Exchange(
              "insufficient-credits",
              "POST",
              SubmitContract.PATH,
              Precondition.EMPTY_BALANCE,
              TEXT_BODY,
              402,
              error(
                  ErrorCode.INSUFFICIENT_CREDITS,
                  "insufficient credits: this request costs 30 credits; top up and retry",
                  null)),
          new Exchange(
              "idempotency-conflict",
              "POST",
              SubmitContract.PATH,
              Precondition.KEY_USED_WITH_OTHER_BODY,
              TEXT_BODY,
              409,
              error(
                  ErrorCode.IDEMPOTENCY_CONFLICT,
                  "this Idempotency-Key was already used with a different request; use a new key",
                  null)),
          new Exchange(
              "rate-limited",
              "GET",
              ACCOUNT_PATH,
              Precondition.LIMIT_SPENT,
              null,
              429,
              error(
                  ErrorCode.RATE_LIMITED,
                  "rate limit exceeded: at most 30 requests per 60 seconds per account; retry"
                      + " after 12 seconds",
                  null)),
          new Exchange(
              "task-processing",
              "GET",
              TASK_PATH,
              Precondition.OWN_PROCESSING_TASK,
              null,
              200,
              "{\"id\":\"sd2_xxxxx\",\"status\":\"processing\",\"model\":\"seedance2\","
                  + "\"quality_tier\":\"standard\",\"channel\":\"standard\",\"credits_used\":30,"
                  + "\"credits_refunded\":0,\"output\":null,\"error\":null,"
                  + "\"created_at\":\"2026-06-03T10:00:00.000Z\","
                  + "\"updated_at\":\"2026-06-03T10:00:00.000Z\"}"),
          new Exchange(
              "task-not-found",
              "GET",
              TASK_PATH,
              Precondition.UNKNOWN_TASK,
              null,
              404,
              error(ErrorCode.NOT_FOUND, "task not found", null)));

  /** The contract's finished task; documented, checked by shape against a rendered task. */
  static final String COMPLETED_TASK =
      "{\"id\":\"sd2_xxxxx\",\"status\":\"completed\",\"model\":\"seedance2\","
          + "\"quality_tier\":\"standard\",\"channel\":\"standard\",\"credits_used\":30,"
          + "\"credits_refunded\":0,\"output\":{\"video_url\":\"https://...\","
          + "\"last_frame_url\":\"https://...\",\"seed\":123},\"error\":null,"
          + "\"created_at\":\"2026-06-03T10:00:00.000Z\","
          + "\"updated_at\":\"2026-06-03T10:03:12.000Z\"}";

  static final String FAILED_TASK =
      "{\"id\":\"sd2_xxxxx\",\"status\":\"failed\",\"model\":\"seedance2\","
          + "\"quality_tier\":\"standard\",\"channel\":\"standard\",\"credits_used\":30,"
          + "\"credits_refunded\":30,\"output\":null,\"error\":{\"code\":\"generation_failed\","
          + "\"message\":\"the video could not be generated; all credits were refunded\"},"
          + "\"created_at\":\"2026-06-03T10:00:00.000Z\","
          + "\"updated_at\":\"2026-06-03T10:01:40.000Z\"}";

  private final int rateLimit;
  private final Duration rateWindow;

  ApiFacts(
      @Value("${seedance.rate-limit.limit:30}") int rateLimit,
      @Value("${seedance.rate-limit.window:60s}") Duration rateWindow) {
    this.rateLimit = rateLimit;
    this.rateWindow = rateWindow;
  }

  /** Requests admitted per window per account (the live value, as the limiter reads it). */
  int rateLimit() {
    return rateLimit;
  }

  long rateWindowSeconds() {
    return rateWindow.toSeconds();
  }

  static String idempotencyHeader() {
    return IdempotencyKeys.HEADER;
  }

  static long idempotencyRetentionHours() {
    return IdempotencyKeys.RETENTION.toHours();
  }

  static Exchange exchange(String id) {
    return EXCHANGES.stream()
        .filter(e -> e.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(id));
  }

  private static String error(ErrorCode code, String message, String param) {
    return "{\"error\":{\"code\":\""
        + code.wire()
        + "\",\"message\":"
        + quote(message)
        + (param == null ? "" : ",\"param\":" + quote(param))
        + ",\"request_id\":\"req_xxxxx\"}}";
  }

  private static String json(SubmitContract.Field... fields) {
    var map = new LinkedHashMap<String, Object>();
    for (var f : fields) {
      map.put(f.name(), f.example());
    }
    return render(map);
  }

  private static String render(Map<String, Object> map) {
    var out = new StringBuilder("{");
    map.forEach(
        (k, v) -> {
          if (out.length() > 1) {
            out.append(',');
          }
          out.append(quote(k)).append(':').append(quote(v));
        });
    return out.append('}').toString();
  }

  private static String quote(Object value) {
    if (value instanceof String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    return String.valueOf(value);
  }
}
