package seedance.provider;

/** A routing table that cannot be used; start-up stops with this one line as the reason. */
public class RoutingException extends IllegalStateException {

  public RoutingException(String message) {
    super(message);
  }
}
