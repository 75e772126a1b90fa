package seedance.video;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import seedance.testing.ApiTest;

class SubmitFlowTest extends ApiTest {

  @Test
  void submitChargesThirtyCreditsAndTheTaskCanBeRead() {
    var customer = api().newCustomer(100);

    var accepted =
        api().submit(customer.key(), "demo-video-001", "{\"prompt\":\"a red fox in snow\"}");

    assertThat(accepted.status()).isEqualTo(202);
    var body = accepted.json();
    assertThat(body.path("id").asString()).matches("sd2_[0-9A-Za-z]{24}");
    assertThat(body.path("status").asString()).isEqualTo("processing");
    assertThat(body.path("model").asString()).isEqualTo("seedance2");
    assertThat(body.path("quality_tier").asString()).isEqualTo("standard");
    assertThat(body.path("channel").asString()).isEqualTo("standard");
    assertThat(body.path("credits_used").asLong()).isEqualTo(30);
    assertThat(api().balance(customer.key())).isEqualTo(70);

    var task = api().get(customer.key(), "/api/v1/tasks/" + body.path("id").asString());
    assertThat(task.status()).isEqualTo(200);
    var t = task.json();
    assertThat(t.path("id").asString()).isEqualTo(body.path("id").asString());
    assertThat(t.path("credits_used").asLong()).isEqualTo(30);
    assertThat(t.path("credits_refunded").asLong()).isZero();
    assertThat(t.has("output")).isTrue();
    assertThat(t.path("error").isNull()).isTrue();
    assertThat(t.path("created_at").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
  }
}
