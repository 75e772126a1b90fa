/**
 * The web dashboard: server-rendered pages (Thymeleaf) for signed-in accounts and the operator.
 *
 * <p>What other modules' pages use: {@link seedance.dashboard.PageController} on their controllers
 * (HTML error pages, the shared model), {@link seedance.dashboard.SignedIn} for who is looking,
 * {@link seedance.dashboard.PageError} to answer 404/403 pages, and {@link
 * seedance.dashboard.PagePaths} to put a path under the dashboard's sessions and CSRF checks. The
 * layout is {@code templates/layout.html}; every POST form made with {@code th:action} gets its
 * CSRF field automatically.
 */
package seedance.dashboard;
