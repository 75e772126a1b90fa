package seedance.worker.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import seedance.provider.Callbacks;
import seedance.task.TaskDue;
import seedance.task.TaskQueue;
import seedance.web.ApiException;
import seedance.web.ErrorCode;

/**
 * Upstream callbacks (Ark {@code callback_url}, fal webhook, Replicate webhook) as hints: a valid
 * token makes the task's next poll due now, and the worker re-reads the state from the upstream.
 * The body is never trusted to settle anything; at most it tells us a poll is not worth hurrying
 * (Ark calls on every step, queued and running included). Duplicate and late calls change nothing.
 */
@RestController
class CallbackController {

  private static final Logger log = LoggerFactory.getLogger(CallbackController.class);

  private final Callbacks callbacks;
  private final TaskQueue queue;
  private final ApplicationEventPublisher events;

  CallbackController(Callbacks callbacks, TaskQueue queue, ApplicationEventPublisher events) {
    this.callbacks = callbacks;
    this.queue = queue;
    this.events = events;
  }

  @PostMapping(Callbacks.PATH + "{provider}/{taskId}")
  ResponseEntity<Void> callback(
      @PathVariable String provider,
      @PathVariable String taskId,
      @RequestParam(name = "token", required = false) String token,
      @RequestBody(required = false) byte[] body) {
    if (!callbacks.verify(provider, taskId, token)) {
      // The same answer as for a task that does not exist: a guessed URL learns nothing.
      throw new ApiException(ErrorCode.NOT_FOUND, "no such callback");
    }
    if (worthPolling(body) && queue.hint(taskId)) {
      events.publishEvent(new TaskDue(taskId));
    } else {
      log.debug("callback for task {} from {} needs no poll now", taskId, provider);
    }
    return ResponseEntity.noContent().build();
  }

  /**
   * False only for a body that says the generation is still under way (Ark's queued and running
   * calls, fal's or Replicate's start events); anything else, unreadable bodies included, is worth
   * a poll.
   */
  static boolean worthPolling(byte[] body) {
    if (body == null || body.length == 0 || body.length > 64 * 1024) {
      return true;
    }
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    var status = STATUS.matcher(text);
    if (!status.find()) {
      return true;
    }
    return switch (status.group(1)) {
      case "queued", "running", "starting", "processing", "IN_QUEUE", "IN_PROGRESS" -> false;
      default -> true;
    };
  }

  private static final java.util.regex.Pattern STATUS =
      java.util.regex.Pattern.compile("\"status\"\\s*:\\s*\"([A-Za-z_]+)\"");
}
