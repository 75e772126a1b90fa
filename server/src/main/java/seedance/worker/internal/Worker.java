package seedance.worker.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import seedance.task.Claim;
import seedance.task.TaskDue;
import seedance.task.TaskQueue;
import seedance.task.TaskSubmitted;
import seedance.web.RandomIds;

/**
 * Claims tasks from the queue and runs each on a virtual thread, renewing the leases of the tasks
 * it holds. On shutdown it stops claiming, lets running tasks finish for a grace period, then hands
 * the rest back to the queue so another process continues them at once.
 */
@Component
class Worker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Worker.class);

  private final TaskQueue queue;
  private final TaskRunner runner;
  private final WorkerSettings settings;
  private final UpstreamLimits limits;
  private final String owner =
      ManagementFactory.getRuntimeMXBean().getName() + "/" + RandomIds.next("", 6);
  private final Map<String, Claim> held = new ConcurrentHashMap<>();
  private final AtomicInteger working = new AtomicInteger();
  private final AtomicInteger creating = new AtomicInteger();
  private final AtomicInteger polling = new AtomicInteger();
  private final Semaphore wake = new Semaphore(0);
  private volatile boolean running;
  private ExecutorService tasks;
  private Thread claimer;
  private Thread heartbeat;

  Worker(TaskQueue queue, TaskRunner runner, WorkerSettings settings, UpstreamLimits limits) {
    this.queue = queue;
    this.runner = runner;
    this.settings = settings;
    this.limits = limits;
  }

  @Override
  public void start() {
    if (!settings.enabled()) {
      log.info("worker disabled (SEEDANCE_WORKER_ENABLED=false): this process only serves the API");
      return;
    }
    running = true;
    tasks = Executors.newVirtualThreadPerTaskExecutor();
    claimer = Thread.ofPlatform().name("worker-claim").daemon().start(this::claimLoop);
    heartbeat = Thread.ofPlatform().name("worker-heartbeat").daemon().start(this::heartbeatLoop);
    log.info(
        "worker {} started, concurrency {}, create concurrency {}, poll concurrency {}",
        owner,
        settings.concurrency(),
        settings.createConcurrency(),
        settings.pollConcurrency());
  }

  @EventListener
  void onSubmitted(TaskSubmitted event) {
    wake.release();
  }

  /** A callback made a task due now: claim it without waiting for the next round. */
  @EventListener
  void onDue(TaskDue event) {
    wake.release();
  }

  private void claimLoop() {
    while (running) {
      try {
        // Three pools, so that neither creates nor polls wait behind local renders.
        claimInto(working, settings.concurrency(), queue::claimWork);
        if (!limits.createsPaused()) {
          claimInto(creating, settings.createConcurrency(), queue::claimCreates);
        }
        claimInto(polling, settings.pollConcurrency(), queue::claimPolls);
        wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        wake.drainPermits();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("claiming tasks failed, retrying: {}", e.toString());
        sleepQuietly(settings.pollInterval().toMillis());
      }
    }
  }

  /** One of the queue's pool claims. */
  private interface PoolClaim {
    List<Claim> claim(String owner, int limit, Duration lease, int maxAttempts);
  }

  private void claimInto(AtomicInteger slots, int size, PoolClaim pool) {
    int free = size - slots.get();
    if (free > 0) {
      for (Claim claim : pool.claim(owner, free, settings.lease(), settings.maxAttempts())) {
        start(claim, slots);
      }
    }
  }

  private void start(Claim claim, AtomicInteger slots) {
    slots.incrementAndGet();
    held.put(claim.taskId(), claim);
    tasks.submit(
        () -> {
          try {
            run(claim);
          } finally {
            slots.decrementAndGet();
            wake.release();
          }
        });
  }

  private void run(Claim claim) {
    try {
      runner.run(claim);
    } catch (RuntimeException e) {
      if (!running) {
        log.info(
            "task {} interrupted by shutdown; it was handed back to the queue", claim.taskId());
      } else {
        // The lease expires and another attempt runs; after maxAttempts the sweeper refunds it.
        log.error("task {} attempt {} crashed", claim.taskId(), claim.attempts(), e);
      }
    } finally {
      held.remove(claim.taskId());
    }
  }

  private void heartbeatLoop() {
    while (running) {
      sleepQuietly(settings.heartbeat().toMillis());
      for (Claim claim : held.values()) {
        try {
          if (!queue.extend(claim, settings.lease())) {
            log.info("task {} is no longer ours; its writes will be refused", claim.taskId());
          }
        } catch (RuntimeException e) {
          log.warn("renewing the lease of {} failed: {}", claim.taskId(), e.toString());
        }
      }
    }
  }

  @Override
  public void stop() {
    if (!running) {
      return;
    }
    running = false;
    claimer.interrupt();
    heartbeat.interrupt();
    tasks.shutdown();
    try {
      if (!tasks.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        for (Claim claim : held.values()) {
          queue.release(claim);
        }
        tasks.shutdownNow();
        log.info("handed {} unfinished tasks back to the queue", held.size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stop before the web server and the data source go away. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 2048;
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
