package seedance.task;

/**
 * A video task. {@code requestJson} is the validated request with defaults filled in; {@code
 * outputJson} is set when it completes. Times are epoch milliseconds. {@code book} is the ledger
 * book it was paid from ({@code live}, or {@code sandbox} for a test key). {@code lane} is the
 * worker pool that claims it until it waits on an upstream: {@link #UPSTREAM_LANE} for tasks whose
 * submit is an HTTP call, {@link #RENDER_LANE} for local renders.
 */
public record Task(
    String id,
    String accountId,
    String apiKeyId,
    String status,
    String model,
    String qualityTier,
    String channel,
    String requestJson,
    long creditsUsed,
    long creditsRefunded,
    String outputJson,
    String errorCode,
    String errorMessage,
    long createdAt,
    long updatedAt,
    long deadlineAt,
    String sandboxOutcome,
    String book,
    String lane) {

  public static final String PROCESSING = "processing";
  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";
  public static final String RENDER_LANE = "render";
  public static final String UPSTREAM_LANE = "upstream";
}
