package seedance.task;

/** Published when an upstream's callback made a task's next poll due now. */
public record TaskDue(String taskId) {}
