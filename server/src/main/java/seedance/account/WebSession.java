package seedance.account;

/**
 * A signed-in browser: an account's session, or the operator's ({@code accountId} null). Times are
 * epoch milliseconds.
 */
public record WebSession(String accountId, boolean operator, long expiresAt) {}
