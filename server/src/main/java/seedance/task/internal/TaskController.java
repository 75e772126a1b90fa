package seedance.task.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import seedance.apikey.Caller;
import seedance.storage.DownloadLinks;
import seedance.task.Task;
import seedance.task.TaskOutput;
import seedance.task.Tasks;
import seedance.web.ApiException;
import seedance.web.IsoTime;

@RestController
class TaskController {

  /** The task body of the contract, fields in the contract's order. */
  record TaskBody(
      String id,
      String status,
      String model,
      String qualityTier,
      String channel,
      long creditsUsed,
      long creditsRefunded,
      Output output,
      ErrorDetail error,
      String createdAt,
      String updatedAt) {}

  record ErrorDetail(String code, String message) {}

  /** The contract's output; the links are signed anew on every read. */
  record Output(String videoUrl, String lastFrameUrl, Long seed) {}

  private final Tasks tasks;
  private final DownloadLinks links;

  TaskController(Tasks tasks, DownloadLinks links) {
    this.tasks = tasks;
    this.links = links;
  }

  @GetMapping("/api/v1/tasks/{id}")
  TaskBody get(@PathVariable String id, HttpServletRequest request) {
    var caller = Caller.of(request);
    return tasks
        .findOwned(id, caller.accountId())
        .map(this::body)
        .orElseThrow(() -> ApiException.notFound("task not found"));
  }

  private TaskBody body(Task t) {
    return new TaskBody(
        t.id(),
        t.status(),
        t.model(),
        t.qualityTier(),
        t.channel(),
        t.creditsUsed(),
        t.creditsRefunded(),
        TaskOutput.of(t).map(this::output).orElse(null),
        t.errorCode() == null ? null : new ErrorDetail(t.errorCode(), t.errorMessage()),
        IsoTime.format(t.createdAt()),
        IsoTime.format(t.updatedAt()));
  }

  private Output output(TaskOutput stored) {
    return new Output(
        links.url(stored.videoKey()), links.url(stored.lastFrameKey()), stored.seed());
  }
}
