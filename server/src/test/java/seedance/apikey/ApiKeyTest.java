package seedance.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import seedance.testing.ApiTest;

@ExtendWith(OutputCaptureExtension.class)
class ApiKeyTest extends ApiTest {

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  @Autowired JdbcClient jdbc;

  @Test
  void aNewKeyHasTheDocumentedShapeAndAValidChecksum() {
    var customer = api().newCustomer(0);
    String key = customer.key();

    assertThat(key).matches("sk_live_[0-9A-Za-z]{42}");
    String body = key.substring("sk_live_".length());
    assertThat(body.substring(36)).isEqualTo(base62Crc32(body.substring(0, 36)));
  }

  @Test
  void theSecretIsShownOnceAndNeverListedStoredOrLogged(CapturedOutput output) throws IOException {
    var customer = api().newCustomer(100);
    api().submit(customer.key(), "uses-the-key", "{\"prompt\":\"a windmill in fog\"}");
    api().get("sk_live_" + customer.key().substring(8, 20), "/api/v1/account");

    var listed = api().admin("GET", "/admin/v1/accounts/" + customer.accountId() + "/keys", null);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.text()).doesNotContain(customer.key());
    var first = listed.json().path("data").get(0);
    assertThat(first.path("prefix").asString()).isEqualTo(customer.key().substring(0, 12));
    assertThat(first.path("last4").asString())
        .isEqualTo(customer.key().substring(customer.key().length() - 4));
    assertThat(first.has("key")).isFalse();

    assertThat(filesContaining(dataDir(), customer.key())).isEmpty();
    long storedInClear =
        jdbc.sql(
                "SELECT COUNT(*) FROM api_keys WHERE key_hash = :k OR prefix = :k OR last4 = :k OR name = :k")
            .param("k", customer.key())
            .query(Long.class)
            .single();
    assertThat(storedInClear).isZero();
    assertThat(output.getAll()).doesNotContain(customer.key());
  }

  @Test
  void aRevokedKeyFailsOnTheVeryNextRequestAndOtherKeysKeepWorking() {
    var customer = api().newCustomer(0);
    String second = api().createKey(customer.accountId(), "second");
    assertThat(api().get(customer.key(), "/api/v1/account").status()).isEqualTo(200);
    // By name, not position: two keys made in the same millisecond list in either order.
    String keyId = keyNamed(customer.accountId(), "test").path("id").asString();

    var revoked = api().admin("DELETE", "/admin/v1/keys/" + keyId, null);

    assertThat(revoked.status()).isEqualTo(204);
    var refused = api().get(customer.key(), "/api/v1/account");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.errorCode()).isEqualTo("unauthorized");
    assertThat(api().get(second, "/api/v1/account").status()).isEqualTo(200);
    assertThat(keyNamed(customer.accountId(), "test").path("revoked_at").isString()).isTrue();
    assertThat(keyNamed(customer.accountId(), "second").path("revoked_at").isNull()).isTrue();
  }

  private tools.jackson.databind.JsonNode keyNamed(String accountId, String name) {
    var listed = api().admin("GET", "/admin/v1/accounts/" + accountId + "/keys", null).json();
    for (var key : listed.path("data")) {
      if (key.path("name").asString().equals(name)) {
        return key;
      }
    }
    throw new AssertionError("no key named " + name + " in " + listed);
  }

  @Test
  void everyBadCredentialGetsTheSameAnswer() {
    var customer = api().newCustomer(0);
    String key = customer.key();
    String wrongChecksum = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
    var answers =
        java.util.stream.Stream.of(
                Map.<String, String>of(),
                Map.of("Authorization", "Basic abc"),
                Map.of("Authorization", "Bearer "),
                Map.of("Authorization", key),
                Map.of("Authorization", "Bearer sk_live_nope"),
                Map.of("Authorization", "Bearer " + wrongChecksum),
                Map.of("Authorization", "Bearer " + key.toLowerCase()))
            .map(headers -> api().send("GET", "/api/v1/account", headers, null))
            .toList();

    for (var answer : answers) {
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.json().path("error").path("code").asString()).isEqualTo("unauthorized");
      assertThat(answer.errorMessage()).isEqualTo(answers.get(0).errorMessage());
    }
  }

  private static String base62Crc32(String random) {
    var crc = new CRC32();
    crc.update(random.getBytes(StandardCharsets.US_ASCII));
    long value = crc.getValue();
    var out = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      out.insert(0, BASE62.charAt((int) (value % 62)));
      value /= 62;
    }
    return out.toString();
  }

  private static java.util.List<Path> filesContaining(Path dir, String secret) throws IOException {
    byte[] needle = secret.getBytes(StandardCharsets.US_ASCII);
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(f -> contains(read(f), needle)).toList();
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
