package seedance.account;

/**
 * A sign-up, sign-in or password form the account module refuses. {@code key} names a message in
 * the dashboard's bundles (so the page can say it in the reader's language); {@code field} is the
 * form field it is about, or null.
 */
public class SignInProblem extends RuntimeException {

  private final String field;
  private final String key;

  public SignInProblem(String field, String key) {
    super(key, null, false, false);
    this.field = field;
    this.key = key;
  }

  public String field() {
    return field;
  }

  public String key() {
    return key;
  }
}
