package seedance.account;

/** A customer account: the owner of API keys, tasks and a credit balance. */
public record Account(String id, String email, long createdAt) {}
