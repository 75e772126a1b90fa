package seedance.task;

/** Which provider a task was sent to, and that provider's id for it. */
public record UpstreamRef(String provider, String id) {}
