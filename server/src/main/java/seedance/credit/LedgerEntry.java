package seedance.credit;

/**
 * One immutable balance change. {@code amount} is signed: charges are negative. {@code accountId}
 * is the wallet's holder and {@code book} its book.
 */
public record LedgerEntry(
    String id,
    String accountId,
    String book,
    String taskId,
    String kind,
    long amount,
    long balanceAfter,
    String reference,
    long createdAt) {}
