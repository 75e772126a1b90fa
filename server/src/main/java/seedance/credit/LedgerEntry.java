package seedance.credit;

/** One immutable balance change. {@code amount} is signed: charges are negative. */
public record LedgerEntry(
    String id,
    String accountId,
    String taskId,
    String kind,
    long amount,
    long balanceAfter,
    String reference,
    long createdAt) {}
