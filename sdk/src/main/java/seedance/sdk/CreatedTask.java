package seedance.sdk;

/**
 * The 202 answer to a create: the task id and what it costs.
 *
 * @param replayed true when the server answered from an earlier request with the same
 *     Idempotency-Key (nothing was charged again)
 */
public record CreatedTask(
    String id,
    String status,
    String model,
    String qualityTier,
    String channel,
    long creditsUsed,
    boolean replayed) {}
