package seedance.task;

/**
 * A task a worker holds: its id, the fencing token of this lease, how many times it was claimed,
 * how many upstream polls it has had (0 until it was submitted and put to wait), and how many times
 * its submit was put back after the upstream throttled or failed it.
 */
public record Claim(String taskId, long token, int attempts, int polls, int retries) {}
