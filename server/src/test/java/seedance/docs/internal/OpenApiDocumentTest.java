package seedance.docs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import seedance.testing.Api;
import seedance.testing.ApiTest;
import seedance.video.SubmitContract;
import seedance.video.SubmitContract.Field;
import seedance.web.ErrorCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * /openapi.json is a valid OpenAPI 3.1 document (checked against the official schema), its schemas
 * are valid JSON Schema 2020-12, its examples satisfy them, and its request schema says exactly
 * what the running server accepts.
 */
class OpenApiDocumentTest extends ApiTest {

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private JsonNode document() {
    var r = api().send("GET", "/openapi.json", Map.of(), null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    return r.json();
  }

  @Test
  void validatesAgainstTheOfficialOpenApi31Schema() {
    Schema oas =
        REGISTRY.getSchema(
            getClass().getResourceAsStream("/openapi/oas-3.1-schema-2022-10-07.json"));

    var errors = oas.validate(document());

    assertThat(errors).isEmpty();
    // The validator is live: a broken document is refused.
    var broken = (ObjectNode) document();
    broken.remove("info");
    assertThat(oas.validate(broken)).isNotEmpty();
  }

  @Test
  void everySchemaIsValidJsonSchemaAndEveryExampleSatisfiesItsSchema() {
    JsonNode doc = document();
    Schema meta =
        REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    doc.path("components")
        .path("schemas")
        .properties()
        .forEach(e -> assertThat(meta.validate(e.getValue())).as(e.getKey()).isEmpty());

    var requestExamples =
        doc.path("paths")
            .path(SubmitContract.PATH)
            .path("post")
            .path("requestBody")
            .path("content")
            .path("application/json")
            .path("examples");
    assertThat(requestExamples.size()).isEqualTo(3);
    requestExamples
        .properties()
        .forEach(
            e ->
                assertThat(schema(doc, "SubmitRequest").validate(e.getValue().path("value")))
                    .as(e.getKey())
                    .isEmpty());
    assertThat(schema(doc, "SubmitAccepted").validate(Api.JSON.readTree(ApiFacts.ACCEPTED_BODY)))
        .isEmpty();
    for (String task :
        List.of(
            ApiFacts.COMPLETED_TASK,
            ApiFacts.FAILED_TASK,
            ApiFacts.exchange("task-processing").responseBody())) {
      assertThat(schema(doc, "Task").validate(Api.JSON.readTree(task))).isEmpty();
    }
    doc.path("components")
        .path("responses")
        .properties()
        .forEach(
            e ->
                assertThat(
                        schema(doc, "Error")
                            .validate(
                                e.getValue()
                                    .path("content")
                                    .path("application/json")
                                    .path("example")))
                    .as(e.getKey())
                    .isEmpty());
  }

  @Test
  void theRequestSchemaHasEveryFieldOfTheContractAndEveryErrorCode() {
    JsonNode doc = document();
    JsonNode request = doc.path("components").path("schemas").path("SubmitRequest");
    assertThat(request.path("additionalProperties").asBoolean(true)).isFalse();
    List<String> names = new ArrayList<>(request.path("properties").propertyNames());
    assertThat(names)
        .containsExactlyElementsOf(SubmitContract.FIELDS.stream().map(Field::name).toList());
    for (Field f : SubmitContract.FIELDS) {
      JsonNode p = request.path("properties").path(f.name());
      assertThat(p.path("description").asString()).as(f.name()).isNotBlank();
      if (f.defaultValue() != null) {
        assertThat(p.path("default")).isEqualTo(Api.JSON.valueToTree(f.defaultValue()));
      }
      if (!f.allowed().isEmpty()) {
        assertThat(p.path("enum").valueStream().map(JsonNode::asString).toList())
            .isEqualTo(f.allowed());
      }
    }
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(doc.path("components").path("responses").has(code.wire())).isTrue();
    }
    assertThat(doc.path("paths").has(SubmitContract.PATH)).isTrue();
    assertThat(doc.path("paths").has(SubmitContract.TASK_PATH)).isTrue();
    assertThat(doc.path("servers").get(0).path("url").asString()).isEqualTo(api().base());
  }

  /**
   * The documented request schema and the live parser agree on both sides of every documented
   * boundary: the schema accepts a body exactly when the server answers 202, and refuses it exactly
   * when the server answers 400.
   */
  @Test
  void theSchemaAcceptsExactlyWhatTheServerAccepts() {
    Schema submit = schema(document(), "SubmitRequest");
    var bodies = ContractProbes.bodies();
    var customer = new Customer();
    for (ObjectNode body : bodies) {
      boolean documentedValid = submit.validate(body).isEmpty();
      var r = customer.submit(body.toString());
      assertThat(r.status())
          .as("%s (schema says %s): %s", body, documentedValid ? "valid" : "invalid", r.text())
          .isEqualTo(documentedValid ? 202 : 400);
    }
    assertThat(bodies.size()).isGreaterThan(60);
  }

  /** Rotates to a fresh account before the rate limit would refuse a probe. */
  private final class Customer {
    private Api.Customer current;
    private int used;

    Api.Response submit(String body) {
      if (current == null || used == 25) {
        current = api().newCustomer(1_000_000);
        used = 0;
      }
      used++;
      return api().submit(current.key(), UUID.randomUUID().toString(), body);
    }
  }

  /** One component schema as a standalone JSON Schema (its refs pointing into its own $defs). */
  static Schema schema(JsonNode doc, String name) {
    String defs =
        doc.path("components")
            .path("schemas")
            .toString()
            .replace("#/components/schemas/", "#/$defs/");
    String text =
        "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$defs\":"
            + defs
            + ",\"$ref\":\"#/$defs/"
            + name
            + "\"}";
    return REGISTRY.getSchema(Api.JSON.readTree(text));
  }
}
