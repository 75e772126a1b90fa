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

  /** The task if it belongs to {@code accountId}; another account's task is reported as absent. */
  public Optional<Task> findOwned(String id, String accountId) {
    return repository.find(id).filter(t -> t.accountId().equals(accountId));
  }
}
