package seedance.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.function.BiFunction;
import seedance.testing.Api;

/**
 * What a user checks after a submit, each with a fresh account (so the rate limit never
 * interferes): a refusal is a 400 naming the problem that costs nothing and leaves the
 * Idempotency-Key free; an acceptance is a fresh 202 that charges exactly its price.
 */
final class SubmitChecks {

  static final long BALANCE = 100_000;
  static final String PROMPT = "a red fox in snow";
  static final String VALID = "{\"prompt\":\"" + PROMPT + "\"}";
  static final String PATH = "/api/v1/video/seedance2";

  private final Api api;

  SubmitChecks(Api api) {
    this.api = api;
  }

  /** A JSON object from name/value pairs, with the valid prompt first unless one is given. */
  static String body(Object... pairs) {
    var map = new LinkedHashMap<String, Object>();
    boolean hasPrompt = false;
    for (int i = 0; i < pairs.length; i += 2) {
      hasPrompt |= pairs[i].equals("prompt");
    }
    if (!hasPrompt) {
      map.put("prompt", PROMPT);
    }
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return Api.JSON.writeValueAsString(map);
  }

  static String newIdempotencyKey() {
    return "idem-" + UUID.randomUUID();
  }

  Api.Response refused(String body, String param, String messagePart) {
    return refused((customer, key) -> api.submit(customer.key(), key, body), param, messagePart);
  }

  /**
   * Sends a bad request as a new customer and checks: 400 invalid_request, a message containing
   * {@code messagePart}, {@code error.param} equal to {@code param} (when not null), the balance
   * untouched, and the same Idempotency-Key then accepted with a valid body as a fresh request.
   */
  Api.Response refused(
      BiFunction<Api.Customer, String, Api.Response> send, String param, String messagePart) {
    var customer = api.newCustomer(BALANCE);
    String key = newIdempotencyKey();

    var refused = send.apply(customer, key);

    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("invalid_request");
    assertThat(refused.errorMessage()).contains(messagePart);
    if (param != null) {
      assertThat(refused.json().path("error").path("param").asString()).isEqualTo(param);
    }
    assertThat(api.balance(customer.key())).isEqualTo(BALANCE);
    assertKeyStillFree(customer, key);
    return refused;
  }

  /** The key was not burned: a valid body under it is a fresh 202, not a replay. */
  void assertKeyStillFree(Api.Customer customer, String key) {
    long before = api.balance(customer.key());
    var retried = api.submit(customer.key(), key, VALID);
    assertThat(retried.status()).as(retried.text()).isEqualTo(202);
    assertThat(retried.header("Idempotent-Replayed")).isNull();
    assertThat(retried.json().path("credits_used").asLong()).isEqualTo(30);
    assertThat(api.balance(customer.key())).isEqualTo(before - 30);
  }

  /** Sends a good body as a new customer: 202, fresh, charged {@code credits} exactly. */
  Api.Response accepted(String body, long credits) {
    var customer = api.newCustomer(BALANCE);
    var accepted = api.submit(customer.key(), newIdempotencyKey(), body);
    assertAccepted(accepted, credits);
    assertThat(api.balance(customer.key())).isEqualTo(BALANCE - credits);
    return accepted;
  }

  static void assertAccepted(Api.Response accepted, long credits) {
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
    assertThat(accepted.header("Idempotent-Replayed")).isNull();
    var json = accepted.json();
    assertThat(json.path("id").asString()).startsWith("sd2_");
    assertThat(json.path("status").asString()).isEqualTo("processing");
    assertThat(json.path("credits_used").asLong()).isEqualTo(credits);
  }
}
