package seedance.sdk;

/**
 * A task as {@code GET /api/v1/tasks/{id}} returns it.
 *
 * @param status {@code processing}, {@code completed} or {@code failed}
 * @param output the links of a completed task (signed, they expire; read the task again for fresh
 *     ones), else null
 * @param error why a failed task failed, else null
 */
public record Task(
    String id,
    String status,
    String model,
    String qualityTier,
    String channel,
    long creditsUsed,
    long creditsRefunded,
    Output output,
    Error error,
    String createdAt,
    String updatedAt) {

  public static final String PROCESSING = "processing";
  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";

  /** The outputs of a completed task. */
  public record Output(String videoUrl, String lastFrameUrl, Long seed) {}

  /** The reason of a failed task, e.g. {@code generation_failed}; its credits were refunded. */
  public record Error(String code, String message) {}

  public boolean isDone() {
    return !PROCESSING.equals(status);
  }

  public boolean isCompleted() {
    return COMPLETED.equals(status);
  }

  public boolean isFailed() {
    return FAILED.equals(status);
  }
}
