package seedance.task;

/**
 * A task a worker holds: its id, the fencing token of this lease, how many times it was claimed,
 * and how many upstream polls it has had (0 until it was submitted and put to wait).
 */
public record Claim(String taskId, long token, int attempts, int polls) {}
