package seedance.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import seedance.apikey.Caller;
import seedance.testing.ApiTest;
import seedance.video.VideoSubmissions;
import seedance.web.ApiException;
import seedance.web.StrictJson;

/**
 * The queries and submit path behind the dashboard's task pages and playground, against the real
 * database.
 */
class TaskListingTest extends ApiTest {

  @Autowired Tasks tasks;
  @Autowired VideoSubmissions submissions;

  @Test
  void pagesAnAccountsTasksNewestFirstAndNeverAnotherAccounts() {
    var customer = api().newCustomer(1000);
    var other = api().newCustomer(1000);
    String[] ids = new String[5];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = submit(customer.key(), "list-" + i, "{\"prompt\":\"fox number " + i + "\"}");
      clock.advance(Duration.ofSeconds(1));
    }
    submit(other.key(), "other", "{\"prompt\":\"not yours\"}");

    var first = tasks.page(customer.accountId(), 1, 2);
    assertThat(first.items()).extracting(Task::id).containsExactly(ids[4], ids[3]);
    assertThat(first.total()).isEqualTo(5);
    assertThat(first.pages()).isEqualTo(3);
    assertThat(first.hasPrevious()).isFalse();
    assertThat(first.hasNext()).isTrue();

    var last = tasks.page(customer.accountId(), 3, 2);
    assertThat(last.items()).extracting(Task::id).containsExactly(ids[0]);
    assertThat(last.hasNext()).isFalse();
    assertThat(tasks.page(customer.accountId(), 4, 2).items()).isEmpty();
    assertThat(tasks.page(other.accountId(), 1, 10).items()).hasSize(1);
  }

  @Test
  void theRequestBodyOfATaskIsAcceptedByTheApiAsTheSameRequest() {
    var customer = api().newCustomer(1000);
    String original =
        "{\"prompt\":\"it's a fox\",\"quality_tier\":\"pro\",\"resolution\":\"1080p\","
            + "\"duration\":\"7\",\"seed\":42,\"fixed_lens\":true,\"aspect_ratio\":\"9:16\"}";
    String id = submit(customer.key(), "body-1", original);

    String body = submissions.requestBody(tasks.find(id).orElseThrow());

    assertThat(body)
        .isEqualTo(
            "{\"prompt\":\"it's a fox\",\"mode\":\"text-to-video\",\"quality_tier\":\"pro\","
                + "\"channel\":\"standard\",\"aspect_ratio\":\"9:16\",\"duration\":\"7\","
                + "\"resolution\":\"1080p\",\"generate_audio\":true,\"fixed_lens\":true,"
                + "\"seed\":42}");
    var again = api().submit(customer.key(), "body-2", body);
    assertThat(again.status()).isEqualTo(202);
    var copy = tasks.find(again.json().path("id").asString()).orElseThrow();
    assertThat(copy.requestJson()).isEqualTo(tasks.find(id).orElseThrow().requestJson());
    assertThat(copy.creditsUsed()).isEqualTo(19 * 7);
  }

  @Test
  void theDashboardSubmitsThroughTheApisPathWithItsMessagesAndIdempotency() {
    var customer = api().newCustomer(100);
    var caller = new Caller(customer.accountId(), null, "live");
    var wrong = json("{\"prompt\":\"a fox\",\"resolution\":\"4k\"}");
    var fromApi =
        api().submit(customer.key(), "k-4k", "{\"prompt\":\"a fox\",\"resolution\":\"4k\"}");

    assertThatThrownBy(() -> submissions.submit(caller, "k-4k", wrong, null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo(fromApi.errorMessage());
              assertThat(e.param()).isEqualTo("resolution");
            });
    assertThatThrownBy(() -> submissions.price(wrong)).isInstanceOf(ApiException.class);

    var body = json("{\"prompt\":\"a fox\",\"channel\":\"wild\",\"duration\":\"6\"}");
    assertThat(submissions.price(body)).isEqualTo(45);
    var accepted = submissions.submit(caller, "playground-1", body, null);
    var replay = submissions.submit(caller, "playground-1", body, null);
    assertThat(replay.replayed()).isTrue();
    assertThat(replay.taskId()).isEqualTo(accepted.taskId());
    assertThat(api().balance(customer.key())).isEqualTo(55);
    var task = tasks.findOwned(accepted.taskId(), customer.accountId()).orElseThrow();
    assertThat(task.apiKeyId()).isNull();
    assertThat(task.creditsUsed()).isEqualTo(45);
    // The account's keys and its API calls share one idempotency namespace.
    var viaApi = api().submit(customer.key(), "playground-1", "{\"prompt\":\"other\"}");
    assertThat(viaApi.status()).isEqualTo(409);
  }

  private String submit(String key, String idempotencyKey, String body) {
    var r = api().submit(key, idempotencyKey, body);
    assertThat(r.status()).as(r.text()).isEqualTo(202);
    return r.json().path("id").asString();
  }

  private static seedance.web.JsonObject json(String text) {
    return StrictJson.parseObject(text.getBytes(StandardCharsets.UTF_8));
  }
}
