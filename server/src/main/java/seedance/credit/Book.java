package seedance.credit;

/**
 * Which money a balance holds. Live credits are bought and spent on real videos; sandbox credits
 * are play money that {@code sk_test_} keys spend, kept apart so the two never mix.
 */
public enum Book {
  LIVE("live"),
  SANDBOX("sandbox");

  private final String wire;

  Book(String wire) {
    this.wire = wire;
  }

  /** The book as stored in the database and shown to clients. */
  public String wire() {
    return wire;
  }

  /** The book an API key of this mode ({@code live} or {@code test}) spends. */
  public static Book forKeyMode(String mode) {
    return "test".equals(mode) ? SANDBOX : LIVE;
  }

  public static Book fromWire(String wire) {
    for (var book : values()) {
      if (book.wire.equals(wire)) {
        return book;
      }
    }
    throw new IllegalArgumentException("unknown book " + wire);
  }
}
