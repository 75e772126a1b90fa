package seedance.dashboard.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import seedance.dashboard.PageController;
import seedance.dashboard.PageError;
import seedance.dashboard.SignedIn;
import seedance.task.Task;
import seedance.task.Tasks;

/**
 * The account's tasks: a gallery, and a page per task that plays its video and follows it while it
 * is still processing.
 */
@PageController
class TaskPagesController {

  static final int PAGE_SIZE = 12;

  private final Tasks tasks;
  private final TaskCards views;

  TaskPagesController(Tasks tasks, TaskCards views) {
    this.tasks = tasks;
    this.views = views;
  }

  @GetMapping("/dashboard/tasks")
  String gallery(
      @RequestParam(defaultValue = "1") String page, HttpServletRequest request, Model model) {
    var signedIn = SignedIn.of(request);
    var tasksPage = tasks.page(signedIn.accountId(), pageNumber(page), PAGE_SIZE);
    model.addAttribute("tasks", tasksPage);
    model.addAttribute("cards", tasksPage.items().stream().map(views::card).toList());
    model.addAttribute(
        "processing", tasksPage.items().stream().anyMatch(t -> t.status().equals(Task.PROCESSING)));
    return "dashboard/tasks";
  }

  @GetMapping("/dashboard/tasks/{id}")
  String task(@PathVariable String id, HttpServletRequest request, Model model) {
    model.addAttribute("task", views.detail(owned(id, request)));
    return "dashboard/task";
  }

  /** What the task page polls while the task runs; the page reloads itself when this changes. */
  @GetMapping("/dashboard/tasks/{id}/status")
  @ResponseBody
  Map<String, String> status(@PathVariable String id, HttpServletRequest request) {
    return Map.of("status", owned(id, request).status());
  }

  private Task owned(String id, HttpServletRequest request) {
    return tasks.findOwned(id, SignedIn.of(request).accountId()).orElseThrow(PageError::notFound);
  }

  /** Anything but a page number shows the first page rather than an error. */
  private static int pageNumber(String text) {
    try {
      return Math.max(1, Math.min(Integer.parseInt(text), 1_000_000));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
