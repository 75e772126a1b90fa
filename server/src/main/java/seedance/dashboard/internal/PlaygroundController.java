package seedance.dashboard.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import seedance.apikey.Caller;
import seedance.credit.CreditLedger;
import seedance.dashboard.PageController;
import seedance.dashboard.SignedIn;
import seedance.ratelimit.RateLimits;
import seedance.task.Tasks;
import seedance.video.SubmitContract;
import seedance.video.VideoSubmissions;
import seedance.web.ApiException;
import seedance.web.RandomIds;

/**
 * A form with every parameter of the contract. It submits through the API's own path (validation,
 * messages, idempotency, charge), under an idempotency key made when the form is shown, so a double
 * click or a reload makes one task.
 */
@PageController
class PlaygroundController {

  private final VideoSubmissions submissions;
  private final CreditLedger ledger;
  private final Tasks tasks;
  private final RateLimits rateLimits;

  PlaygroundController(
      VideoSubmissions submissions, CreditLedger ledger, Tasks tasks, RateLimits rateLimits) {
    this.rateLimits = rateLimits;
    this.submissions = submissions;
    this.ledger = ledger;
    this.tasks = tasks;
  }

  @GetMapping("/dashboard/playground")
  String form(
      @RequestParam(required = false) String from, HttpServletRequest request, Model model) {
    String key = newIdempotencyKey();
    // "Make another like this" from a task page: that task's request, if it is the account's.
    var form =
        from == null
            ? PlaygroundForm.defaults(key)
            : tasks
                .findOwned(from, SignedIn.of(request).accountId())
                .map(task -> PlaygroundForm.of(submissions.requestBody(task), key))
                .orElseGet(() -> PlaygroundForm.defaults(key));
    return show(request, model, form, null);
  }

  @PostMapping("/dashboard/playground")
  String submit(
      @RequestParam Map<String, String> params,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    var form = PlaygroundForm.submitted(params);
    String key = form.idempotencyKey();
    if (key.isEmpty() || key.length() > 255) {
      key = newIdempotencyKey();
    }
    // The dashboard acts for the account itself, not for one of its keys.
    var caller = new Caller(SignedIn.of(request).accountId(), null, "live");
    try {
      // A playground submit is one request of the account, like an API call.
      rateLimits.admit(caller.accountId(), true);
      var accepted = submissions.submit(caller, key, form.body(), null);
      return "redirect:/dashboard/tasks/" + accepted.taskId();
    } catch (ApiException e) {
      response.setStatus(e.code().status());
      return show(request, model, form, e);
    }
  }

  /**
   * The price of the form as it stands, after the API's validation: {@code {"credits":30}}, or the
   * API's error envelope naming what it would refuse.
   */
  @PostMapping("/dashboard/playground/price")
  ResponseEntity<Map<String, Object>> price(@RequestParam Map<String, String> params) {
    try {
      long credits = submissions.price(PlaygroundForm.submitted(params).pricedBody());
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("credits", credits));
    } catch (ApiException e) {
      var error = new LinkedHashMap<String, Object>();
      error.put("code", e.code().wire());
      error.put("message", e.getMessage());
      if (e.param() != null) {
        error.put("param", e.param());
      }
      return ResponseEntity.status(e.code().status())
          .contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("error", error));
    }
  }

  private String show(
      HttpServletRequest request, Model model, PlaygroundForm form, ApiException error) {
    model.addAttribute("form", form);
    model.addAttribute("balance", ledger.balance(SignedIn.of(request).accountId()));
    model.addAttribute("modes", SubmitContract.MODE.allowed());
    model.addAttribute("tiers", SubmitContract.QUALITY_TIER.allowed());
    model.addAttribute("channels", SubmitContract.CHANNEL.allowed());
    model.addAttribute("ratios", SubmitContract.ASPECT_RATIO.allowed());
    model.addAttribute("resolutions", SubmitContract.RESOLUTION.allowed());
    model.addAttribute(
        "durations",
        IntStream.rangeClosed(
                (int) SubmitContract.DURATION.min(), (int) SubmitContract.DURATION.max())
            .mapToObj(Integer::toString)
            .toList());
    model.addAttribute("price", initialPrice(form));
    if (error != null) {
      model.addAttribute("error", error.getMessage());
      model.addAttribute("errorCode", error.code().wire());
      model.addAttribute("errorParam", error.param());
    }
    return "dashboard/playground";
  }

  /** The price shown before any script runs; null while the form would be refused. */
  private Long initialPrice(PlaygroundForm form) {
    try {
      return submissions.price(form.pricedBody());
    } catch (ApiException e) {
      return null;
    }
  }

  private static String newIdempotencyKey() {
    return "playground-" + RandomIds.next("", 24);
  }
}
