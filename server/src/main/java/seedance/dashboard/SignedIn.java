package seedance.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Who is looking at a page: an account ({@code accountId}, {@code email}) or the operator ({@code
 * operator}, no account). Attached to every request on {@link PagePaths}.
 */
public record SignedIn(String accountId, String email, boolean operator) {

  private static final String ATTRIBUTE = SignedIn.class.getName();

  public static Optional<SignedIn> find(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof SignedIn s
        ? Optional.of(s)
        : Optional.empty();
  }

  /** The signed-in account on a {@link PagePaths#ACCOUNT} page (where one is always present). */
  public static SignedIn of(HttpServletRequest request) {
    return find(request)
        .filter(s -> s.accountId() != null)
        .orElseThrow(() -> new IllegalStateException("no signed-in account on this request"));
  }

  public void attachTo(HttpServletRequest request) {
    request.setAttribute(ATTRIBUTE, this);
  }
}
