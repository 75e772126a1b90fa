package seedance.dashboard;

import java.util.List;

/**
 * The paths served as pages: they get the session cookie, the language switch and CSRF checks on
 * every unsafe method. Nothing else (the API, the operator API, downloads, webhooks, docs) sees any
 * of it. Add a page's path here.
 */
public final class PagePaths {

  /** Pages anyone may open. */
  public static final List<String> PUBLIC =
      List.of("/", "/signup", "/login", "/logout", "/set-password", "/pricing", "/invite/**");

  /** Pages of a signed-in account: others are sent to the sign-in page. */
  public static final List<String> ACCOUNT = List.of("/dashboard", "/dashboard/**");

  /** The operator's pages (signed in with the admin token); {@code /admin/v1} is the JSON API. */
  public static final List<String> OPERATOR = List.of("/admin", "/admin/**");

  public static final List<String> OPERATOR_API = List.of("/admin/v1/**");

  public static final String OPERATOR_LOGIN = "/admin/login";

  private PagePaths() {}
}
