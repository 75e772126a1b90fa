package seedance.task;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code deadline}: how long a task may stay processing before the sweeper fails and refunds it
 * (SEEDANCE_TASK_DEADLINE).
 */
@ConfigurationProperties("seedance.task")
public record TaskSettings(@DefaultValue("30m") Duration deadline) {}
