package seedance.team;

/** A team: its owner and the id that holds its pool of credits in the ledger. */
public record Team(String id, String name, String ownerId, long createdAt) {}
