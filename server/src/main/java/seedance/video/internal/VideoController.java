package seedance.video.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import seedance.apikey.Caller;
import seedance.idempotency.IdempotencyKeys;
import seedance.video.VideoSubmissions;
import seedance.web.ApiException;
import seedance.web.StrictJson;

/**
 * {@code POST /api/v1/video/seedance2}. Authentication and the rate limit have already run; here
 * come the 400s (header, then body), then the 409s and 402 inside the submit transaction.
 */
@RestController
class VideoController {

  static final String PATH = "/api/v1/video/seedance2";

  /**
   * Room for the worst legal body: 10 000 prompt characters as escaped surrogate pairs plus 14
   * URLs.
   */
  static final int MAX_BODY_BYTES = 256 * 1024;

  /**
   * Lets client tests make a locally rendered task fail on purpose; ignored by upstream providers.
   */
  static final String SANDBOX_HEADER = "X-Sandbox-Outcome";

  private final VideoSubmissions submissions;

  VideoController(VideoSubmissions submissions) {
    this.submissions = submissions;
  }

  @PostMapping(PATH)
  ResponseEntity<String> submit(HttpServletRequest request) {
    var caller = Caller.of(request);
    String key = IdempotencyKeys.requireKey(request);
    var body = StrictJson.readObject(request, MAX_BODY_BYTES);
    String sandboxOutcome = sandboxOutcome(request);
    var outcome = submissions.submit(caller, key, body, sandboxOutcome);
    var response = ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON);
    if (outcome.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(outcome.body());
  }

  private static String sandboxOutcome(HttpServletRequest request) {
    String value = request.getHeader(SANDBOX_HEADER);
    if (value == null) {
      return null;
    }
    if (!value.equals("failed")) {
      throw ApiException.invalidField(
          SANDBOX_HEADER, SANDBOX_HEADER + " must be \"failed\" (or be left out)");
    }
    return value;
  }
}
