package seedance.idempotency;

/** The first answer given under an Idempotency-Key, replayed byte for byte to retries. */
public record StoredResponse(String fingerprint, String taskId, int status, String body) {}
