package seedance.apikey;

/**
 * A key just created: the only object that ever holds the full secret, returned to its owner once.
 */
public record CreatedKey(ApiKeyView view, String secret) {}
