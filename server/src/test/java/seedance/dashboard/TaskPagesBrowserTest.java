package seedance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import seedance.account.Accounts;
import seedance.testing.BrowserTest;

/**
 * The task pages and the playground in a real browser, with the worker on, so the local renderer
 * really makes the videos the pages play.
 */
@TestPropertySource(properties = "seedance.worker.enabled=true")
class TaskPagesBrowserTest extends BrowserTest {

  private static final Duration RENDER = Duration.ofSeconds(90);

  @Autowired Accounts accounts;

  @Test
  void aTaskSubmittedWithAnApiKeyPlaysOnItsPage() {
    String key = signUpWithCredits(200);
    var accepted =
        api()
            .submit(
                key,
                "browser-api-1",
                "{\"prompt\":\"a red fox running through fresh snow\",\"duration\":\"4\","
                    + "\"seed\":7}");
    assertThat(accepted.status()).isEqualTo(202);
    String id = accepted.json().path("id").asString();

    open("/dashboard/tasks/" + id);
    awaitVideoPlays();

    assertThat(find("#task-status").getAttribute("data-status")).isEqualTo("completed");
    assertThat(find("#task-seed").getText()).isEqualTo("7");
    await(d -> imageLoaded("#last-frame"));
    String curl = find("#curl-text").getText();
    assertThat(curl)
        .contains(base() + "/api/v1/video/seedance2")
        .contains("Bearer $SEEDANCE_API_KEY")
        .contains("\"prompt\" : \"a red fox running through fresh snow\"")
        .contains("\"duration\" : \"4\"")
        .doesNotContain(key);
    screenshot("task-completed");

    open("/dashboard/tasks/" + id + "?lang=tr");
    assertThat(find("#task-status").getText()).isEqualTo("Tamamlandı");
    screenshot("task-completed-tr");

    failedTask(key, "browser-api-2");
    open("/dashboard/tasks?lang=en");
    var card = find("[data-task-id='" + id + "']");
    assertThat(card.getText()).contains("a red fox running", "Completed", "24 credits");
    await(d -> imageLoaded("[data-task-id='" + id + "'] img"));
    screenshot("tasks");
  }

  @Test
  void thePlaygroundShowsThePriceSubmitsAndFollowsTheTaskUntilItPlays() {
    signUpWithCredits(500);
    open("/dashboard/playground");
    awaitText("#price", "30 credits");
    screenshot("playground");

    new Select(find("#duration")).selectByValue("4");
    awaitText("#price", "24 credits");
    new Select(find("#resolution")).selectByValue("4k");
    awaitText("#price-error", "resolution 4k is available on quality_tier pro only");
    new Select(find("#resolution")).selectByValue("720p");
    awaitText("#price", "24 credits");
    assertThat(find("#balance").getText()).isEqualTo("500 credits");
    // Each mode shows its own media fields; the price check names what the mode still needs.
    assertThat(find("#image_url").isDisplayed()).isFalse();
    new Select(find("#mode")).selectByValue("image-to-video");
    await(d -> find("#image_url").isDisplayed());
    awaitText("#price-error", "image_url is required for mode image-to-video");
    new Select(find("#mode")).selectByValue("text-to-video");
    await(d -> !find("#image_url").isDisplayed());
    awaitText("#price", "24 credits");

    // A refusal shows the API's own message, next to the field it names.
    type("#prompt", "a paper boat on a rainy street");
    new Select(find("#quality_tier")).selectByValue("mini");
    type("#seed", "7");
    find("#submit").click();
    awaitText("#playground-error", "seed is not supported on the mini quality tier");
    assertThat(find("#seed").findElement(By.xpath("..")).getAttribute("class")).contains("invalid");
    assertThat(find("#prompt").getAttribute("value")).isEqualTo("a paper boat on a rainy street");
    screenshot("playground-refused");

    new Select(find("#quality_tier")).selectByValue("standard");
    find("#submit").click();
    await(d -> currentPath().startsWith("/dashboard/tasks/sd2_"));
    if (exists("[data-follow-status]")) {
      screenshot("task-processing");
    }
    awaitVideoPlays();
    assertThat(find("#task-seed").getText()).isEqualTo("7");
    assertThat(find(".params").getText()).contains("quality_tier", "standard", "duration", "4");
  }

  @Test
  void aFailedTaskShowsItsErrorAndRefund() {
    String key = signUpWithCredits(100);
    String id = failedTask(key, "browser-failed-1");

    open("/dashboard/tasks/" + id);
    new WebDriverWait(browser(), RENDER).until(d -> exists("#task-error"));

    assertThat(find("#task-error").getText())
        .contains("generation_failed", "X-Sandbox-Outcome: failed", "30 credits");
    assertThat(exists("video")).isFalse();
    assertThat(find("#curl-text").getText()).contains("X-Sandbox-Outcome: failed");
    screenshot("task-failed");
  }

  /** Submits a task that the worker fails on purpose (X-Sandbox-Outcome); returns its id. */
  private String failedTask(String key, String idempotencyKey) {
    var accepted =
        api()
            .send(
                "POST",
                "/api/v1/video/seedance2",
                Map.of(
                    "Authorization",
                    "Bearer " + key,
                    "Content-Type",
                    "application/json",
                    "Idempotency-Key",
                    idempotencyKey,
                    "X-Sandbox-Outcome",
                    "failed"),
                "{\"prompt\":\"this one is meant to fail\"}");
    assertThat(accepted.status()).isEqualTo(202);
    return accepted.json().path("id").asString();
  }

  /**
   * Signs up through the pages; the operator grants credits and makes a key (standing in for a
   * top-up and the keys page). Returns the key.
   */
  private String signUpWithCredits(long credits) {
    String email = signUp();
    String accountId = accounts.findByEmail(email).orElseThrow().id();
    var grant =
        api()
            .admin(
                "POST",
                "/admin/v1/accounts/" + accountId + "/credits",
                "{\"amount\":" + credits + ",\"reference\":\"grant-" + accountId + "\"}");
    assertThat(grant.status()).isEqualTo(200);
    return api().createKey(accountId, "browser");
  }

  /** Waits until the page's video has loaded and knows its length, as a user's player would. */
  private void awaitVideoPlays() {
    new WebDriverWait(browser(), RENDER)
        .until(
            d ->
                exists("#video")
                    && ((Number)
                                script(
                                    "var v = document.getElementById('video');"
                                        + " return isNaN(v.duration) ? 0 : v.duration;"))
                            .doubleValue()
                        > 0);
    double duration =
        ((Number) script("return document.getElementById('video').duration;")).doubleValue();
    assertThat(duration).isBetween(3.9, 4.1);
  }

  private boolean imageLoaded(String css) {
    return (Boolean)
        script(
            "var i = document.querySelector(arguments[0]);"
                + " return i !== null && i.complete && i.naturalWidth > 0;",
            css);
  }

  private void awaitText(String css, String text) {
    await(d -> exists(css) && find(css).getText().contains(text));
  }
}
