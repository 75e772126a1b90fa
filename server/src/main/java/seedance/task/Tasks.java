package seedance.task;

import java.util.Optional;
import org.springframework.stereotype.Service;
import seedance.task.internal.TaskRepository;

/** Stores and finds tasks. Writes run in the caller's transaction. */
@Service
public class Tasks {

  private final TaskRepository repository;

  Tasks(TaskRepository repository) {
    this.repository = repository;
  }

  public void insert(Task task) {
    repository.insert(task);
  }

  public Optional<Task> find(String id) {
    return repository.find(id);
  }

  /**
   * Page {@code page} (from 1) of the account's tasks, newest first, {@code size} to a page. A page
   * past the end is empty.
   */
  public TaskPage page(String accountId, int page, int size) {
    if (page < 1 || size < 1) {
      throw new IllegalArgumentException("page and size start at 1");
    }
    long total = repository.count(accountId);
    var items = repository.page(accountId, (long) (page - 1) * size, size);
    return new TaskPage(items, page, size, total);
  }

  /** The task if it belongs to {@code accountId}; another account's task is reported as absent. */
  public Optional<Task> findOwned(String id, String accountId) {
    return repository.find(id).filter(t -> t.accountId().equals(accountId));
  }
}
