package seedance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import seedance.testing.Api;
import seedance.testing.ApiTest;

/**
 * Every error, whoever raises it, is the contract's envelope with a request id; and when a request
 * is wrong in several ways the answer follows the fixed precedence 401, 429, 400, 409, 402.
 */
class ErrorEnvelopeTest extends ApiTest {

  private static final String PATH = "/api/v1/video/seedance2";
  private static final String VALID = "{\"prompt\":\"a red fox in snow\"}";
  private static final String BAD_BODY = "{\"prompt\":12345,\"colour\":\"red\"}";

  @Test
  void unknownApiPathIsAnEnvelopedNotFound() {
    var customer = api().newCustomer(0);

    var response = api().get(customer.key(), "/api/v1/nope");

    assertEnvelope(response, 404, "not_found");
  }

  @Test
  void unknownApiPathWithoutAKeyIsAnEnvelopedUnauthorized() {
    var response = api().send("GET", "/api/v1/nope", Map.of(), null);

    assertEnvelope(response, 401, "unauthorized");
  }

  @Test
  void wrongMethodOnTheSubmitPathIsAnEnvelopedError() {
    var customer = api().newCustomer(100);

    var response =
        api()
            .send(
                "PUT",
                PATH,
                Map.of(
                    "Authorization", "Bearer " + customer.key(),
                    "Content-Type", "application/json",
                    "Idempotency-Key", "put-1"),
                VALID);

    assertEnvelope(response, 405, "method_not_allowed");
    assertThat(response.header("Allow")).contains("POST");
    assertThat(api().balance(customer.key())).isEqualTo(100);
  }

  @Test
  void unknownPathOutsideTheApiIsAnEnvelopedNotFound() {
    var response = api().send("GET", "/nope", Map.of(), null);

    assertEnvelope(response, 404, "not_found");
  }

  @Test
  void theErrorPathItselfIsAnEnvelopedNotFound() {
    var response = api().send("GET", "/error", Map.of(), null);

    assertEnvelope(response, 404, "not_found");
  }

  @Test
  void methodRefusedByTheServletContainerIsEnvelopedWithARequestId() {
    var response = api().send("TRACE", "/api/v1/account", Map.of(), null);

    assertEnvelope(response, 405, "method_not_allowed");
  }

  @Test
  void operatorApiWithoutTokenIsAnEnvelopedUnauthorized() {
    var response =
        api()
            .send(
                "POST",
                "/admin/v1/accounts",
                Map.of("Content-Type", "application/json"),
                "{\"email\":\"x@example.com\",\"credits\":1000000}");

    assertEnvelope(response, 401, "unauthorized");
  }

  @Test
  void validationErrorsCarryTheRequestIdAndTheOffendingField() {
    var customer = api().newCustomer(100);

    var response = api().submit(customer.key(), "v-1", "{\"prompt\":\"a red fox\",\"seed\":1.5}");

    assertEnvelope(response, 400, "invalid_request");
    assertThat(response.json().path("error").path("param").asString()).isEqualTo("seed");
  }

  @Test
  void everyBadCredentialGetsTheSameUnauthorizedEvenWithABadBody() {
    var account = api().createAccount("u" + UUID.randomUUID() + "@example.com", 1000);
    String valid = api().createKey(account, "kept");
    var revokedKey = api().admin("POST", "/admin/v1/accounts/" + account + "/keys", "{}").json();
    var revoked = api().admin("DELETE", "/admin/v1/keys/" + revokedKey.path("id").asString(), null);
    assertThat(revoked.status()).isEqualTo(204);
    String lastChar = valid.substring(valid.length() - 1);
    String wrongChecksum =
        valid.substring(0, valid.length() - 1) + (lastChar.equals("A") ? "B" : "A");

    var authorizations = new ArrayList<String>();
    authorizations.add(null);
    authorizations.add("Basic abc");
    authorizations.add("Bearer ");
    authorizations.add("Bearer");
    authorizations.add(valid);
    authorizations.add("Bearer " + wrongChecksum);
    authorizations.add("Bearer " + valid.toLowerCase(Locale.ROOT));
    authorizations.add("Bearer " + revokedKey.path("key").asString());
    authorizations.add("Bearer " + valid + "x");

    var answers = new ArrayList<String>();
    for (String authorization : authorizations) {
      var headers = new ArrayList<List<String>>();
      if (authorization != null) {
        headers.add(List.of("Authorization", authorization));
      }
      headers.add(List.of("Content-Type", "text/plain"));

      var response =
          api().sendRaw("POST", PATH, headers, BAD_BODY.getBytes(StandardCharsets.UTF_8));

      assertEnvelope(response, 401, "unauthorized");
      answers.add(response.errorCode() + " / " + response.errorMessage());
    }
    assertThat(answers).as("one answer for every kind of bad key").containsOnly(answers.get(0));
    assertThat(api().balance(valid)).isEqualTo(1000);
  }

  @Test
  void badBodyAndMissingIdempotencyKeyIsABadRequest() {
    var customer = api().newCustomer(100);

    var response =
        api()
            .send(
                "POST",
                PATH,
                Map.of("Authorization", "Bearer " + customer.key(), "Content-Type", "text/plain"),
                BAD_BODY);

    assertEnvelope(response, 400, "invalid_request");
    assertThat(api().balance(customer.key())).isEqualTo(100);
  }

  @Test
  void badBodyWithNoCreditsIsABadRequestNotAPaymentError() {
    var customer = api().newCustomer(0);

    var response = api().submit(customer.key(), "bad-1", BAD_BODY);

    assertEnvelope(response, 400, "invalid_request");
  }

  @Test
  void validBodyWithNoCreditsIsInsufficientCreditsAndKeepsTheKeyForTheRetry() {
    var customer = api().newCustomer(0);

    var refused = api().submit(customer.key(), "topup-retry", VALID);

    assertEnvelope(refused, 402, "insufficient_credits");
    assertThat(api().balance(customer.key())).isZero();

    var granted =
        api()
            .admin(
                "POST",
                "/admin/v1/accounts/" + customer.accountId() + "/credits",
                "{\"amount\":30,\"reference\":\"topup-" + UUID.randomUUID() + "\"}");
    assertThat(granted.status()).isEqualTo(200);
    var retried = api().submit(customer.key(), "topup-retry", VALID);
    assertThat(retried.status()).as(retried.text()).isEqualTo(202);
    assertThat(retried.header("Idempotent-Replayed")).isNull();
    assertThat(api().balance(customer.key())).isZero();
  }

  @Test
  void reusedKeyWithAnotherBodyIsAConflictBeforeAnyCreditCheck() {
    var customer = api().newCustomer(30);
    assertThat(api().submit(customer.key(), "k-1", VALID).status()).isEqualTo(202);

    var conflict = api().submit(customer.key(), "k-1", "{\"prompt\":\"another prompt\"}");

    assertEnvelope(conflict, 409, "idempotency_conflict");
    assertThat(api().balance(customer.key())).isZero();
  }

  @Test
  void rateLimitedRequestWithABadBodyIsRateLimited() {
    var customer = api().newCustomer(100);
    for (int i = 0; i < 30; i++) {
      assertThat(api().get(customer.key(), "/api/v1/account").status()).isEqualTo(200);
    }

    var response = api().submit(customer.key(), "rl-1", BAD_BODY);

    assertEnvelope(response, 429, "rate_limited");
    assertThat(response.header("Retry-After")).matches("[1-9][0-9]*");
  }

  /** The contract's envelope, JSON typed, tied to the X-Request-Id, with no internals in it. */
  static void assertEnvelope(Api.Response response, int status, String code) {
    assertThat(response.status()).as(response.text()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    var json = response.json();
    assertThat(json.propertyNames()).containsExactly("error");
    var error = json.path("error");
    assertThat(error.path("code").isString()).isTrue();
    assertThat(error.path("code").asString()).isEqualTo(code);
    assertThat(error.path("message").isString()).isTrue();
    assertThat(error.path("message").asString()).isNotBlank();
    String requestId = response.header("X-Request-Id");
    assertThat(requestId).isNotBlank();
    assertThat(error.path("request_id").asString()).isEqualTo(requestId);
    assertThat(response.text())
        .doesNotContain("Exception", "exception", "\tat ", "java.", "org.springframework")
        .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z][A-Za-z]+")
        .doesNotContainPattern("\\.java:\\d+");
  }
}
