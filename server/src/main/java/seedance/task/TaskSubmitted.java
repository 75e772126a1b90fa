package seedance.task;

/** Published after a submit committed, so an idle worker in this process starts at once. */
public record TaskSubmitted(String taskId) {}
