package seedance.account;

/** A single-use set-password token (shown once, stored only as a hash) and when it expires. */
public record PasswordLink(String token, long expiresAt) {}
