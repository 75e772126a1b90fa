package seedance.task.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import seedance.apikey.Caller;
import seedance.task.TaskView;
import seedance.task.TaskViews;
import seedance.web.ApiException;

@RestController
class TaskController {

  private final TaskViews views;

  TaskController(TaskViews views) {
    this.views = views;
  }

  @GetMapping("/api/v1/tasks/{id}")
  TaskView get(@PathVariable String id, HttpServletRequest request) {
    var caller = Caller.of(request);
    return views
        .findOwned(id, caller.accountId())
        .orElseThrow(() -> ApiException.notFound("task not found"));
  }
}
