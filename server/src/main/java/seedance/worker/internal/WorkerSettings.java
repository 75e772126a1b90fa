package seedance.worker.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process worker: on by default (SEEDANCE_WORKER_ENABLED), running up to {@code concurrency}
 * tasks at once (SEEDANCE_WORKER_CONCURRENCY). A lease is renewed every {@code heartbeat}; one not
 * renewed for {@code lease} returns the task to the queue; a task claimed {@code maxAttempts} times
 * is failed and refunded.
 */
@ConfigurationProperties("seedance.worker")
record WorkerSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("2") int concurrency,
    @DefaultValue("60s") Duration lease,
    @DefaultValue("15s") Duration heartbeat,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("20s") Duration shutdownGrace) {}
