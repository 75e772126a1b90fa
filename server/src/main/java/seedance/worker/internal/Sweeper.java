package seedance.worker.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import seedance.task.TaskQueue;

/**
 * Ends the tasks no worker will end: those past their deadline, and those whose every attempt
 * crashed. Both are failed and refunded in full, exactly once (the status guard), on any process
 * that runs it. Expired leases need no sweeping: an expired lease is claimable again.
 */
@Component
class Sweeper {

  private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

  private final TaskQueue queue;
  private final WorkerSettings settings;

  Sweeper(TaskQueue queue, WorkerSettings settings) {
    this.queue = queue;
    this.settings = settings;
  }

  /**
   * Processes that only serve the API (SEEDANCE_WORKER_ENABLED=false) leave sweeping to the
   * workers.
   */
  @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT5S")
  void scheduledSweep() {
    if (settings.enabled()) {
      sweep();
    }
  }

  void sweep() {
    for (String id : queue.overdue()) {
      if (queue.failUnfenced(
          id,
          "generation_timeout",
          "the video was not ready within the time limit; all credits were refunded")) {
        log.warn("task {} passed its deadline: failed and refunded", id);
      }
    }
    for (String id : queue.exhausted(settings.maxAttempts())) {
      if (queue.failUnfenced(
          id, "generation_failed", "the video could not be generated; all credits were refunded")) {
        log.warn("task {} failed {} attempts: failed and refunded", id, settings.maxAttempts());
      }
    }
  }
}
