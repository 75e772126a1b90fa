package seedance.sdk;

/** {@link Tasks#waitFor} gave up: the task was still processing when the timeout ran out. */
public class WaitTimeoutException extends SeedanceException {

  private static final long serialVersionUID = 1L;

  private final transient Task lastSeen;

  public WaitTimeoutException(Task lastSeen) {
    super(
        0, "wait_timeout", "task " + lastSeen.id() + " is still " + lastSeen.status(), null, null);
    this.lastSeen = lastSeen;
  }

  /** The task as it was at the last poll. */
  public Task lastSeen() {
    return lastSeen;
  }
}
