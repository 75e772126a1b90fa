package seedance.video;

import seedance.apikey.Caller;
import seedance.task.Task;
import seedance.web.JsonObject;

/**
 * The one way a video task is submitted, by the API and by the dashboard's playground alike: the
 * contract's validation and messages, idempotency, the charge and the task in one transaction.
 */
public interface VideoSubmissions {

  String PATH = SubmitContract.PATH;

  /**
   * Lets client tests make a locally rendered task fail on purpose; ignored by upstream providers.
   */
  String SANDBOX_HEADER = "X-Sandbox-Outcome";

  /** The 202 answer and the task it is about; {@code replayed} when the key was used before. */
  record Accepted(String taskId, String body, boolean replayed) {}

  /**
   * Validates {@code body} (then the sandbox header value, which may be null) and accepts it under
   * the account's {@code idempotencyKey}; throws {@code ApiException} with the API's code and
   * message when refused.
   */
  Accepted submit(Caller caller, String idempotencyKey, JsonObject body, String sandboxOutcome);

  /** What {@code body} would cost, after the same validation as a submit. */
  long price(JsonObject body);

  /**
   * The JSON body of a POST that asks for exactly what {@code task} asked for, every default spelt
   * out.
   */
  String requestBody(Task task);
}
