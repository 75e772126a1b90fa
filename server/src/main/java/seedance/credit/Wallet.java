package seedance.credit;

import java.util.Objects;

/**
 * One balance: whose it is ({@code holder}, an account id or another holder such as a team's pool)
 * and which {@link Book} it is in.
 */
public record Wallet(String holder, Book book) {

  public Wallet {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(book, "book");
  }

  public static Wallet live(String holder) {
    return new Wallet(holder, Book.LIVE);
  }

  public static Wallet sandbox(String accountId) {
    return new Wallet(accountId, Book.SANDBOX);
  }
}
