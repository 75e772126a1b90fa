package seedance.apikey;

/** A key as listed: everything but the secret. Times are epoch milliseconds; null when never. */
public record ApiKeyView(
    String id,
    String accountId,
    String name,
    String mode,
    String prefix,
    String last4,
    String scopes,
    long createdAt,
    Long lastUsedAt,
    Long revokedAt) {}
