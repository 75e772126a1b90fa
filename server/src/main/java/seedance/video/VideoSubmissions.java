package seedance.video;

import seedance.apikey.Caller;
import seedance.web.JsonObject;

/**
 * Submitting a video job, as {@code POST /api/v1/video/seedance2} does it: validation, pricing,
 * idempotency, the charge and the task in one transaction. Other ways in (the MCP tools) go through
 * here, so a job costs and behaves the same whichever door it came through.
 */
public interface VideoSubmissions {

  /** The 202 body of the contract, and whether it replays an earlier request with the same key. */
  record Accepted(String body, boolean replayed) {}

  /**
   * Validates {@code body} (400), then replays or refuses a used key (409), charges (402) and
   * stores the task. Authentication and the rate limit are the caller's to have checked.
   *
   * @param sandboxOutcome {@code "failed"} to make a locally rendered task fail, else null
   */
  Accepted submit(Caller caller, String idempotencyKey, JsonObject body, String sandboxOutcome);
}
