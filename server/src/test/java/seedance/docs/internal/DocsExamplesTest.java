package seedance.docs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import seedance.testing.Api;
import seedance.testing.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Every request/response example the docs show, sent as shown to the running server: it gets the
 * documented status and a body of the documented shape, with the documented codes and values.
 */
class DocsExamplesTest extends ApiTest {

  /** Fields whose documented value is what a client must see (ids and times are only shaped). */
  private static final Set<String> EXACT =
      Set.of(
          "code",
          "param",
          "status",
          "model",
          "quality_tier",
          "channel",
          "credits_used",
          "credits_refunded");

  @Autowired ApiFacts facts;

  static Stream<ApiFacts.Exchange> exchanges() {
    return ApiFacts.EXCHANGES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exchanges")
  void theDocumentedExampleGetsTheDocumentedAnswer(ApiFacts.Exchange example) {
    var headers = new HashMap<String, String>();
    String path = example.path();
    String idempotencyKey = "docs-example-" + System.nanoTime();
    switch (example.precondition()) {
      case FUNDED_KEY -> headers.put("Authorization", "Bearer " + api().newCustomer(1000).key());
      case NO_KEY -> {}
      case EMPTY_BALANCE -> headers.put("Authorization", "Bearer " + api().newCustomer(0).key());
      case KEY_USED_WITH_OTHER_BODY -> {
        String key = api().newCustomer(1000).key();
        headers.put("Authorization", "Bearer " + key);
        assertThat(api().submit(key, idempotencyKey, "{\"prompt\":\"another video\"}").status())
            .isEqualTo(202);
      }
      case LIMIT_SPENT -> {
        var key = api().newCustomer(0).key();
        headers.put("Authorization", "Bearer " + key);
        for (int i = 0; i < facts.rateLimit(); i++) {
          assertThat(api().get(key, ApiFacts.ACCOUNT_PATH).status()).isEqualTo(200);
        }
      }
      case OWN_PROCESSING_TASK -> {
        var key = api().newCustomer(1000).key();
        headers.put("Authorization", "Bearer " + key);
        var accepted = api().submit(key, idempotencyKey, ApiFacts.TEXT_BODY);
        path = path.replace("{id}", accepted.json().path("id").asString());
      }
      case UNKNOWN_TASK -> {
        headers.put("Authorization", "Bearer " + api().newCustomer(0).key());
        path = path.replace("{id}", "sd2_000000000000000000000000");
      }
    }
    if (example.requestBody() != null) {
      headers.put("Content-Type", "application/json");
      headers.put(ApiFacts.idempotencyHeader(), idempotencyKey);
    }

    var r = api().send(example.method(), path, headers, example.requestBody());

    assertThat(r.status()).as(r.text()).isEqualTo(example.status());
    assertThat(r.header("Content-Type")).startsWith("application/json");
    assertSameShape(Api.JSON.readTree(example.responseBody()), r.json(), "$");
    if (r.status() == 429) {
      assertThat(r.header("Retry-After")).matches("[0-9]+");
    }
  }

  /** Same keys everywhere, same JSON types, and equal values where the value is the contract. */
  static void assertSameShape(JsonNode documented, JsonNode live, String at) {
    assertThat(live.getNodeType()).as(at).isEqualTo(documented.getNodeType());
    if (documented.isObject()) {
      assertThat(List.copyOf(live.propertyNames()))
          .as(at)
          .containsExactlyElementsOf(documented.propertyNames());
      for (String name : documented.propertyNames()) {
        JsonNode doc = documented.get(name);
        JsonNode got = live.get(name);
        if (EXACT.contains(name) && doc.isValueNode()) {
          assertThat(got).as(at + "." + name).isEqualTo(doc);
        } else if (doc.isString() && doc.asString().contains("xxxxx")) {
          String prefix = doc.asString().substring(0, doc.asString().indexOf("xxxxx"));
          assertThat(got.asString()).as(at + "." + name).startsWith(prefix);
        }
        assertSameShape(doc, got, at + "." + name);
      }
    }
  }
}
