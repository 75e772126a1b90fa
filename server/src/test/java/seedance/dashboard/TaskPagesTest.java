package seedance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import seedance.account.Accounts;
import seedance.testing.ApiTest;
import seedance.testing.PageClient;

/**
 * The task pages and the playground over plain HTTP with a session: ownership, the live price, and
 * the playground's submit through the API's path.
 */
class TaskPagesTest extends ApiTest {

  @Autowired Accounts accounts;

  @Test
  void anotherAccountsTaskIsNotFoundOnEveryPage() {
    var owner = signedIn(100);
    String id = playgroundSubmit(owner, Map.of("prompt", "a fox in the snow"));
    var stranger = signedIn(100);

    assertThat(owner.get("/dashboard/tasks/" + id).status()).isEqualTo(200);
    assertThat(owner.get("/dashboard/tasks/" + id + "/status").text())
        .isEqualTo("{\"status\":\"processing\"}");
    assertThat(owner.get("/dashboard/tasks").text()).contains(id);

    assertThat(stranger.get("/dashboard/tasks/" + id).status()).isEqualTo(404);
    assertThat(stranger.get("/dashboard/tasks/" + id + "/status").status()).isEqualTo(404);
    assertThat(stranger.get("/dashboard/tasks/sd2_doesnotexist000000000000").status())
        .isEqualTo(404);
    assertThat(stranger.get("/dashboard/tasks").text()).doesNotContain(id);
    // Signed out: the sign-in page, not the task.
    var visitor = new PageClient(api().base());
    assertThat(visitor.get("/dashboard/tasks/" + id).status()).isEqualTo(303);
  }

  @Test
  void thePlaygroundChargesOnceUnderItsFormsIdempotencyKey() {
    var user = signedIn(100);
    var form = user.get("/dashboard/playground");
    assertThat(form.text()).contains("30 credits");
    String key = field(form.text(), "idempotency_key");
    assertThat(key).startsWith("playground-");

    var fields = Map.of("prompt", "a paper boat", "duration", "4", "idempotency_key", key);
    String first = playgroundSubmit(user, fields);
    String again = playgroundSubmit(user, fields);

    assertThat(again).isEqualTo(first);
    var task = user.get("/dashboard/tasks/" + first).text();
    assertThat(task).contains("24 credits", "a paper boat");
    assertThat(user.get("/dashboard/tasks").text()).containsOnlyOnce("data-task-id=\"" + first);

    // "Make another like this" fills the form with the task's request and a new key.
    var copy = user.get("/dashboard/playground?from=" + first).text();
    assertThat(copy).contains(">a paper boat</textarea>", "<option value=\"4\" selected");
    assertThat(field(copy, "idempotency_key")).isNotEqualTo(key);
    var stranger = signedIn(0);
    assertThat(stranger.get("/dashboard/playground?from=" + first).text())
        .doesNotContain("a paper boat");
  }

  @Test
  void thePriceIsTheApisAndSoAreItsRefusals() {
    var user = signedIn(0);
    user.get("/dashboard/playground");

    var price =
        user.post(
            "/dashboard/playground/price",
            Map.of("quality_tier", "pro", "resolution", "4k", "duration", "10", "channel", "wild"));
    assertThat(price.status()).isEqualTo(200);
    assertThat(price.json().path("credits").asLong()).isEqualTo(488); // ceil(39 x 10 x 1.25)

    var refused =
        user.post(
            "/dashboard/playground/price", Map.of("quality_tier", "standard", "resolution", "4k"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("error").path("param").asString()).isEqualTo("resolution");
    assertThat(refused.json().path("error").path("message").asString())
        .isEqualTo("resolution 4k is available on quality_tier pro only");

    // Too poor: the API's 402, shown on the form with nothing charged.
    var poor = user.post("/dashboard/playground", Map.of("prompt", "a fox", "duration", "5"));
    assertThat(poor.status()).isEqualTo(402);
    assertThat(poor.text()).contains("Top up");
    assertThat(user.get("/dashboard/tasks").text()).doesNotContain("data-task-id");
  }

  @Test
  void theGalleryPagesTwelveTasksAtATimeNewestFirst() {
    var user = signedIn(13 * 24);
    String first = null;
    String last = null;
    for (int i = 0; i < 13; i++) {
      clock.advance(java.time.Duration.ofSeconds(1));
      last = playgroundSubmit(user, Map.of("prompt", "boat number " + i, "duration", "4"));
      first = first == null ? last : first;
    }

    var page1 = user.get("/dashboard/tasks").text();
    assertThat(page1.split("data-task-id=\"", -1)).hasSize(13);
    assertThat(page1).contains(last, "Page 1 of 2", "?page=2").doesNotContain(first);
    var page2 = user.get("/dashboard/tasks?page=2").text();
    assertThat(page2.split("data-task-id=\"", -1)).hasSize(2);
    assertThat(page2).contains(first, "Page 2 of 2", "boat number 0");
    assertThat(user.get("/dashboard/tasks?page=nonsense").text()).contains("Page 1 of 2");
  }

  @Test
  void aPlaygroundSubmitCountsAgainstTheAccountsRateLimitLikeAnApiCall() {
    clock.freeze();
    try {
      var client = new PageClient(api().base());
      String email = "r" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
      assertThat(client.signUp(email, "password123").status()).isIn(302, 303);
      String accountId = accounts.findByEmail(email).orElseThrow().id();
      String key = api().createKey(accountId, "limits");
      for (int i = 0; i < 30; i++) {
        assertThat(api().get(key, "/api/v1/account").status()).isEqualTo(200);
      }

      client.get("/dashboard/playground");
      var refused = client.post("/dashboard/playground", Map.of("prompt", "one too many"));

      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.text()).contains("rate limit");
      assertThat(client.get("/dashboard/tasks").text()).doesNotContain("data-task-id=");
    } finally {
      clock.unfreeze();
    }
  }

  private PageClient signedIn(long credits) {
    var client = new PageClient(api().base());
    String email = "t" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    var signedUp = client.signUp(email, "password123");
    assertThat(signedUp.status()).isIn(302, 303);
    if (credits > 0) {
      String accountId = accounts.findByEmail(email).orElseThrow().id();
      var grant =
          api()
              .admin(
                  "POST",
                  "/admin/v1/accounts/" + accountId + "/credits",
                  "{\"amount\":" + credits + ",\"reference\":\"grant-" + accountId + "\"}");
      assertThat(grant.status()).isEqualTo(200);
    }
    return client;
  }

  /** Posts the playground form (defaults for what is not given); returns the task id. */
  private static String playgroundSubmit(PageClient client, Map<String, String> fields) {
    client.get("/dashboard/playground");
    var form = new LinkedHashMap<String, String>();
    form.put("generate_audio", "true");
    form.putAll(fields);
    var answer = client.post("/dashboard/playground", form);
    assertThat(answer.status()).as(answer.text()).isIn(302, 303);
    String location = answer.header("Location");
    assertThat(location).contains("/dashboard/tasks/sd2_");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static String field(String html, String name) {
    var m =
        java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
    assertThat(m.find()).as("field " + name).isTrue();
    return m.group(1);
  }
}
