package seedance.account;

/**
 * What a sign-in attempt came to. A wrong password and an unknown email look the same, so the form
 * never tells which emails have accounts.
 */
public record SignInResult(Outcome outcome, Account account, long retryAfterSeconds) {

  public enum Outcome {
    SIGNED_IN,
    WRONG,
    THROTTLED
  }

  public boolean ok() {
    return outcome == Outcome.SIGNED_IN;
  }
}
