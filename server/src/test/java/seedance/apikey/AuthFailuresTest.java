package seedance.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import seedance.testing.ApiTest;

/** R-RL-6: failed authentications are limited per client address, apart from account limits. */
@TestPropertySource(properties = "seedance.auth-failures.limit=5")
class AuthFailuresTest extends ApiTest {

  private static final String WRONG_KEY = "sk_live_" + "A".repeat(42);

  @Test
  void anAddressThatKeepsGuessingIsSlowedDownAndAccountLimitsAreUntouched() {
    clock.freeze();
    try {
      var customer = api().newCustomer(0);
      for (int i = 0; i < 3; i++) {
        assertThat(api().get(WRONG_KEY, "/api/v1/account").status()).isEqualTo(401);
      }
      var badAdmin =
          api()
              .send(
                  "GET",
                  "/admin/v1/accounts/" + customer.accountId(),
                  Map.of("Authorization", "Bearer not-the-token"),
                  null);
      assertThat(badAdmin.status()).isEqualTo(401);
      assertThat(api().get(WRONG_KEY, "/api/v1/account").status()).isEqualTo(401);

      // The fifth failure used up the minute: even a valid key from this address waits now.
      var blocked = api().get(customer.key(), "/api/v1/account");
      assertThat(blocked.status()).isEqualTo(429);
      assertThat(blocked.errorCode()).isEqualTo("rate_limited");
      assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 60L);
      assertThat(blocked.text()).doesNotContain(customer.key());
      var blockedAdmin = api().admin("GET", "/admin/v1/accounts/" + customer.accountId(), null);
      assertThat(blockedAdmin.status()).isEqualTo(429);

      clock.advance(Duration.ofSeconds(61));

      var admitted = api().get(customer.key(), "/api/v1/account");
      assertThat(admitted.status()).isEqualTo(200);
      // None of the refused requests counted against the account's own 30 per minute.
      assertThat(admitted.header("RateLimit")).contains("r=29");
    } finally {
      clock.unfreeze();
    }
  }
}
