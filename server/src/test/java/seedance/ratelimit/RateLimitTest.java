package seedance.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import seedance.testing.Api;
import seedance.testing.ApiTest;

class RateLimitTest extends ApiTest {

  private static final Pattern REMAINING = Pattern.compile("^\"account\";r=(\\d+);t=(\\d+)$");

  @AfterEach
  void runTheClockAgain() {
    clock.unfreeze();
  }

  @Test
  void theThirtyFirstRequestInAMinuteIsLimitedWithRetryAfter() {
    var customer = api().newCustomer(0);
    for (int i = 0; i < 30; i++) {
      var response = api().get(customer.key(), "/api/v1/tasks/sd2_missing");
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.header("RateLimit-Policy")).isEqualTo("\"account\";q=30;w=60");
      var matcher = REMAINING.matcher(response.header("RateLimit"));
      assertThat(matcher.matches()).isTrue();
      assertThat(Integer.parseInt(matcher.group(1))).isEqualTo(29 - i);
    }

    var limited = api().get(customer.key(), "/api/v1/tasks/sd2_missing");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.errorCode()).isEqualTo("rate_limited");
    int retryAfter = Integer.parseInt(limited.header("Retry-After"));
    assertThat(retryAfter).isBetween(1, 60);
    var matcher = REMAINING.matcher(limited.header("RateLimit"));
    assertThat(matcher.matches()).isTrue();
    assertThat(matcher.group(1)).isEqualTo("0");
    assertThat(Integer.parseInt(matcher.group(2))).isLessThanOrEqualTo(retryAfter);
  }

  @Test
  void allKeysOfAnAccountShareOneLimitAndOtherAccountsAreUnaffected() {
    var customer = api().newCustomer(0);
    String secondKey = api().createKey(customer.accountId(), "second");
    var other = api().newCustomer(0);
    for (int i = 0; i < 30; i++) {
      assertThat(api().get(customer.key(), "/api/v1/account").status()).isEqualTo(200);
    }

    assertThat(api().get(secondKey, "/api/v1/account").status()).isEqualTo(429);
    assertThat(api().get(other.key(), "/api/v1/account").status()).isEqualTo(200);
  }

  @Test
  void aLimitedPostIsNotChargedAndLeavesItsIdempotencyKeyFree() {
    var customer = api().newCustomer(100);
    for (int i = 0; i < 30; i++) {
      api().get(customer.key(), "/api/v1/account");
    }

    var limited =
        api().submit(customer.key(), "after-the-limit", "{\"prompt\":\"a quiet harbour\"}");
    assertThat(limited.status()).isEqualTo(429);

    clock.advance(Duration.ofSeconds(61));
    var retried =
        api().submit(customer.key(), "after-the-limit", "{\"prompt\":\"a quiet harbour\"}");
    assertThat(retried.status()).isEqualTo(202);
    assertThat(retried.header("Idempotent-Replayed")).isNull();
    assertThat(api().balance(customer.key())).isEqualTo(70);
  }

  @Test
  void theWindowSlidesExactlyOneRequestFreesOneSlot() {
    var customer = api().newCustomer(0);
    clock.freeze();
    for (int i = 0; i < 30; i++) {
      assertThat(ok(api().get(customer.key(), "/api/v1/account"))).isTrue();
      clock.advance(Duration.ofSeconds(1));
    }
    // Now 30 s after the first request.
    assertThat(ok(api().get(customer.key(), "/api/v1/account"))).isFalse();

    clock.advance(Duration.ofSeconds(29)); // 59 s after the first
    assertThat(ok(api().get(customer.key(), "/api/v1/account"))).isFalse();

    clock.advance(Duration.ofSeconds(1)); // 60 s after the first: it left the window
    assertThat(ok(api().get(customer.key(), "/api/v1/account"))).isTrue();
    assertThat(ok(api().get(customer.key(), "/api/v1/account"))).isFalse();
  }

  @Test
  void noWindowResetTrickTwentyAtZeroAndTwentyAtFiftyFiveAdmitTen() {
    var customer = api().newCustomer(0);
    clock.freeze();
    for (int i = 0; i < 20; i++) {
      assertThat(ok(api().get(customer.key(), "/api/v1/account"))).isTrue();
    }
    clock.advance(Duration.ofSeconds(55));
    int admitted = 0;
    for (int i = 0; i < 20; i++) {
      if (ok(api().get(customer.key(), "/api/v1/account"))) {
        admitted++;
      }
    }
    assertThat(admitted).isEqualTo(10);
  }

  @Test
  void aSteadyPaceUnderTheLimitIsNeverLimited() {
    var customer = api().newCustomer(0);
    clock.freeze();
    for (int i = 0; i < 60; i++) {
      assertThat(ok(api().get(customer.key(), "/api/v1/account"))).isTrue();
      clock.advance(Duration.ofMillis(2500));
    }
  }

  private static boolean ok(Api.Response response) {
    if (response.status() == 429) {
      return false;
    }
    assertThat(response.status()).isEqualTo(200);
    return true;
  }
}
