package seedance.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import seedance.testing.ApiTest;

class AdminApiTest extends ApiTest {

  @Test
  void anOperatorCreatesAnAccountWithInitialCreditsAndReadsItBack() {
    String email = "Owner-" + UUID.randomUUID() + "@Example.com";

    var created =
        api().admin("POST", "/admin/v1/accounts", "{\"email\":\"" + email + "\",\"credits\":100}");

    assertThat(created.status()).isEqualTo(201);
    String id = created.json().path("id").asString();
    assertThat(id).startsWith("acct_");
    assertThat(created.json().path("email").asString()).isEqualTo(email.toLowerCase());
    assertThat(created.json().path("balance").asLong()).isEqualTo(100);
    var read = api().admin("GET", "/admin/v1/accounts/" + id, null);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("balance").asLong()).isEqualTo(100);
    var key = api().createKey(id, "ci");
    var me = api().get(key, "/api/v1/account");
    assertThat(me.json().path("id").asString()).isEqualTo(id);
    assertThat(me.json().path("balance").asLong()).isEqualTo(100);
  }

  @Test
  void theOperatorApiRefusesMissingOrWrongTokensAndApiKeys() {
    var customer = api().newCustomer(0);
    var none = api().send("GET", "/admin/v1/accounts/" + customer.accountId(), Map.of(), null);
    var wrong =
        api()
            .send(
                "GET",
                "/admin/v1/accounts/" + customer.accountId(),
                Map.of("Authorization", "Bearer nope"),
                null);
    var apiKey =
        api()
            .send(
                "GET",
                "/admin/v1/accounts/" + customer.accountId(),
                Map.of("Authorization", "Bearer " + customer.key()),
                null);

    assertThat(none.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(apiKey.status()).isEqualTo(401);
    assertThat(wrong.errorCode()).isEqualTo("unauthorized");
  }

  @Test
  void badOperatorInputIsRefusedAndChangesNothing() {
    String email = "dup-" + UUID.randomUUID() + "@example.com";
    assertThat(api().admin("POST", "/admin/v1/accounts", "{\"email\":\"" + email + "\"}").status())
        .isEqualTo(201);

    var duplicate = api().admin("POST", "/admin/v1/accounts", "{\"email\":\"" + email + "\"}");
    var badEmail = api().admin("POST", "/admin/v1/accounts", "{\"email\":\"not-an-email\"}");
    var negative =
        api().admin("POST", "/admin/v1/accounts", "{\"email\":\"n-" + email + "\",\"credits\":-5}");
    var unknown =
        api()
            .admin(
                "POST", "/admin/v1/accounts", "{\"email\":\"u-" + email + "\",\"plan\":\"pro\"}");
    var missingAccount = api().admin("GET", "/admin/v1/accounts/acct_missing", null);
    var missingKey = api().admin("DELETE", "/admin/v1/keys/key_missing", null);

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(badEmail.status()).isEqualTo(400);
    assertThat(badEmail.json().path("error").path("param").asString()).isEqualTo("email");
    assertThat(negative.status()).isEqualTo(400);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorMessage()).isEqualTo("unsupported field: plan");
    assertThat(missingAccount.status()).isEqualTo(404);
    assertThat(missingKey.status()).isEqualTo(404);
  }
}
