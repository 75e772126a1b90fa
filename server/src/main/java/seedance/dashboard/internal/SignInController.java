package seedance.dashboard.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import seedance.account.SignInProblem;
import seedance.account.SignIns;
import seedance.account.WebSessions;
import seedance.dashboard.PageController;
import seedance.dashboard.PageError;
import seedance.dashboard.SignedIn;

/** Sign-up, sign-in, sign-out and setting a password through an operator's link. */
@PageController
class SignInController {

  private final SignIns signIns;
  private final WebSessions sessions;
  private final PageCookies cookies;

  SignInController(SignIns signIns, WebSessions sessions, PageCookies cookies) {
    this.signIns = signIns;
    this.sessions = sessions;
    this.cookies = cookies;
  }

  @GetMapping("/")
  String home(HttpServletRequest request) {
    return SignedIn.find(request).map(SignedIn::operator).orElse(false)
        ? "redirect:/admin"
        : "redirect:/dashboard";
  }

  @GetMapping("/signup")
  String signUpForm(
      @RequestParam(defaultValue = "") String next,
      @RequestParam(defaultValue = "") String email,
      HttpServletRequest request,
      Model model) {
    if (SignedIn.find(request).filter(s -> s.accountId() != null).isPresent()) {
      return "redirect:" + safeNext(next);
    }
    // An invitation link sends people here with its address and its own path to come back to.
    model.addAttribute("next", safeNext(next));
    model.addAttribute("email", email);
    return "signup";
  }

  @PostMapping("/signup")
  String signUp(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String next,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    try {
      var account = signIns.signUp(email, password);
      startSession(request, response, sessions.start(account.id()));
      return "redirect:" + safeNext(next);
    } catch (SignInProblem e) {
      response.setStatus(400);
      model.addAttribute("email", email);
      model.addAttribute("next", safeNext(next));
      model.addAttribute("errorField", e.field());
      model.addAttribute("errorKey", e.key());
      return "signup";
    }
  }

  @GetMapping("/login")
  String signInForm(
      @RequestParam(defaultValue = "") String next, HttpServletRequest request, Model model) {
    if (SignedIn.find(request).filter(s -> s.accountId() != null).isPresent()) {
      return "redirect:" + safeNext(next);
    }
    model.addAttribute("next", safeNext(next));
    return "login";
  }

  @PostMapping("/login")
  String signIn(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String next,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    var result = signIns.signIn(email, password, request.getRemoteAddr());
    if (result.ok()) {
      startSession(request, response, sessions.start(result.account().id()));
      return "redirect:" + safeNext(next);
    }
    model.addAttribute("email", email);
    model.addAttribute("next", safeNext(next));
    if (result.outcome() == seedance.account.SignInResult.Outcome.THROTTLED) {
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(result.retryAfterSeconds()));
      model.addAttribute("errorKey", "login.error.throttled");
      model.addAttribute("retryMinutes", (result.retryAfterSeconds() + 59) / 60);
    } else {
      response.setStatus(401);
      model.addAttribute("errorKey", "login.error.wrong");
    }
    return "login";
  }

  @PostMapping("/logout")
  String signOut(HttpServletRequest request, HttpServletResponse response) {
    cookies.end(request, response);
    return "redirect:/login";
  }

  @GetMapping("/set-password")
  String setPasswordForm(
      @RequestParam(defaultValue = "") String token, HttpServletRequest request, Model model) {
    var account = signIns.passwordLinkAccount(token).orElseThrow(SignInController::deadLink);
    model.addAttribute("token", token);
    model.addAttribute("email", account.email());
    return "set-password";
  }

  @PostMapping("/set-password")
  String setPassword(
      @RequestParam(defaultValue = "") String token,
      @RequestParam(defaultValue = "") String password,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    try {
      var account = signIns.setPassword(token, password);
      startSession(request, response, sessions.start(account.id()));
      return "redirect:/dashboard";
    } catch (SignInProblem e) {
      if (e.field() == null) {
        throw deadLink();
      }
      response.setStatus(400);
      var account = signIns.passwordLinkAccount(token).orElseThrow(SignInController::deadLink);
      model.addAttribute("token", token);
      model.addAttribute("email", account.email());
      model.addAttribute("errorKey", e.key());
      return "set-password";
    }
  }

  private void startSession(
      HttpServletRequest request, HttpServletResponse response, String sessionId) {
    cookies.begin(request, response, sessionId, WebSessions.ACCOUNT_TTL);
  }

  /** Only a path of this site: never {@code //host} or a full URL (no open redirect). */
  static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.contains("\\")
        // A redirect view would read braces as URI template variables.
        || next.contains("{")
        || next.contains("}")
        || next.chars().anyMatch(c -> c < 0x20)) {
      return "/dashboard";
    }
    return next;
  }

  private static PageError deadLink() {
    return new PageError(410, "password.error.link");
  }
}
