package seedance.dashboard.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import seedance.apikey.ApiKeyView;
import seedance.apikey.ApiKeys;
import seedance.dashboard.PageController;
import seedance.dashboard.PageError;
import seedance.dashboard.SignedIn;
import seedance.web.ApiException;

/** {@code /dashboard/keys}: create (the secret shown once), list and revoke the account's keys. */
@PageController
class KeysController {

  /** A key as the list shows it. */
  record KeyRow(
      String id,
      String name,
      String mode,
      String prefix,
      String last4,
      String created,
      String lastUsed,
      String revoked) {

    static KeyRow of(ApiKeyView key) {
      return new KeyRow(
          key.id(),
          key.name(),
          key.mode(),
          key.prefix(),
          key.last4(),
          PageTimes.format(key.createdAt()),
          PageTimes.format(key.lastUsedAt()),
          PageTimes.format(key.revokedAt()));
    }
  }

  private final ApiKeys keys;

  KeysController(ApiKeys keys) {
    this.keys = keys;
  }

  @GetMapping("/dashboard/keys")
  String list(HttpServletRequest request, Model model) {
    addKeys(SignedIn.of(request), model);
    return "keys";
  }

  @PostMapping("/dashboard/keys")
  String create(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "live") String mode,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    var me = SignedIn.of(request);
    try {
      var created = keys.create(me.accountId(), name, mode);
      // Rendered in the answer to the POST itself, never stored: a reload cannot show it again.
      model.addAttribute("createdKey", created.secret());
      model.addAttribute("createdName", created.view().name());
    } catch (ApiException e) {
      response.setStatus(400);
      model.addAttribute(
          "errorKey", "name".equals(e.param()) ? "keys.error.name" : "keys.error.mode");
      model.addAttribute("name", name);
    }
    addKeys(me, model);
    return "keys";
  }

  @GetMapping("/dashboard/keys/{id}")
  String confirmRevoke(@PathVariable String id, HttpServletRequest request, Model model) {
    model.addAttribute("key", KeyRow.of(owned(id, SignedIn.of(request))));
    return "key-revoke";
  }

  @PostMapping("/dashboard/keys/{id}/revoke")
  String revoke(@PathVariable String id, HttpServletRequest request) {
    var key = owned(id, SignedIn.of(request));
    keys.revoke(key.id());
    return "redirect:/dashboard/keys?revoked=" + key.id();
  }

  private ApiKeyView owned(String id, SignedIn me) {
    return keys.find(id)
        .filter(k -> k.accountId().equals(me.accountId()))
        .orElseThrow(PageError::notFound);
  }

  private void addKeys(SignedIn me, Model model) {
    List<KeyRow> rows =
        keys.list(me.accountId()).stream()
            .sorted(
                Comparator.comparing((ApiKeyView k) -> k.revokedAt() != null)
                    .thenComparing(ApiKeyView::createdAt, Comparator.reverseOrder()))
            .map(KeyRow::of)
            .toList();
    model.addAttribute("keys", rows);
  }
}
