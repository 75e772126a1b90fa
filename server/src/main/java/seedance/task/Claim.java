package seedance.task;

/**
 * A task a worker holds: its id, the fencing token of this lease, and how many times it was
 * claimed.
 */
public record Claim(String taskId, long token, int attempts) {}
