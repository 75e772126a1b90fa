package seedance.docs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import seedance.testing.Api;
import seedance.testing.ApiTest;
import seedance.testing.Tasks;

/** The documented completed and failed task bodies have the shape of real finished tasks. */
@TestPropertySource(properties = "seedance.worker.enabled=true")
class DocsFinishedTaskTest extends ApiTest {

  @Test
  void completedAndFailedTasksLookAsDocumented() {
    var customer = api().newCustomer(1000);
    var completed = api().submit(customer.key(), "docs-completed", ApiFacts.TEXT_BODY);
    var failed =
        api()
            .send(
                "POST",
                "/api/v1/video/seedance2",
                Map.of(
                    "Authorization",
                    "Bearer " + customer.key(),
                    "Content-Type",
                    "application/json",
                    "Idempotency-Key",
                    "docs-failed",
                    ApiFacts.SANDBOX_HEADER,
                    "failed"),
                ApiFacts.TEXT_BODY);
    assertThat(completed.status()).isEqualTo(202);
    assertThat(failed.status()).isEqualTo(202);

    var done =
        Tasks.awaitEnd(
            api(), customer.key(), completed.json().path("id").asString(), Duration.ofSeconds(180));
    var refused =
        Tasks.awaitEnd(
            api(), customer.key(), failed.json().path("id").asString(), Duration.ofSeconds(180));

    assertThat(done.path("status").asString()).isEqualTo("completed");
    DocsExamplesTest.assertSameShape(Api.JSON.readTree(ApiFacts.COMPLETED_TASK), done, "$");
    assertThat(refused.path("status").asString()).isEqualTo("failed");
    assertThat(ApiFacts.TASK_ERROR_CODES).contains(refused.path("error").path("code").asString());
    var documentedFailure = Api.JSON.readTree(ApiFacts.FAILED_TASK);
    assertThat(refused.path("credits_refunded")).isEqualTo(refused.path("credits_used"));
    assertThat(refused.path("error").propertyNames())
        .containsExactlyElementsOf(documentedFailure.path("error").propertyNames());
    assertThat(refused.propertyNames())
        .containsExactlyElementsOf(documentedFailure.propertyNames());
  }
}
