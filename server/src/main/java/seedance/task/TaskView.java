package seedance.task;

/**
 * A task as the contract shows it to its owner ({@code GET /api/v1/tasks/{id}}), fields in the
 * contract's order; the output links are signed anew on every read.
 */
public record TaskView(
    String id,
    String status,
    String model,
    String qualityTier,
    String channel,
    long creditsUsed,
    long creditsRefunded,
    Output output,
    ErrorDetail error,
    String createdAt,
    String updatedAt) {

  public record ErrorDetail(String code, String message) {}

  public record Output(String videoUrl, String lastFrameUrl, Long seed) {}
}
