package seedance.video;

import static org.assertj.core.api.Assertions.assertThat;
import static seedance.video.SubmitChecks.PATH;
import static seedance.video.SubmitChecks.VALID;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import seedance.testing.Api;
import seedance.testing.ApiTest;

/**
 * The envelope of a submit: JSON syntax, the body's type, encoding and size, and the
 * Idempotency-Key header. Each refusal is a 400 that costs nothing and burns no key.
 */
class SubmitRequestFormatTest extends ApiTest {

  private static final int MAX_BODY = 256 * 1024;

  private SubmitChecks checks() {
    return new SubmitChecks(api());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\0',
      value = {
        "{\"prompt\":\"abc\",\"prompt\":\"abcd\"}                      | duplicate",
        "{\"prompt\":\"a red fox\",\"seed\":1,\"seed\":1}              | duplicate",
        "{\"prompt\":\"a red fox\"} x                                  | not valid JSON",
        "{\"prompt\":\"a red fox\"} 1                                  | after the JSON object",
        "{\"prompt\":\"a red fox\"}{}                                  | after the JSON object",
        "{\"prompt\":\"a red fox\"},                                   | JSON",
        "[1,2]                                                         | JSON object",
        "[{\"prompt\":\"a red fox\"}]                                  | JSON object",
        "null                                                          | JSON object",
        "\"a red fox\"                                                 | JSON object",
        "42                                                            | JSON object",
        "{\"prompt\":'a red fox'}                                      | not valid JSON",
        "{prompt:\"a red fox\"}                                        | not valid JSON",
        "{\"prompt\":\"a red fox\",}                                   | not valid JSON",
        "{\"prompt\":\"a red fox\" /* c */}                            | not valid JSON",
      })
  void refusesBodiesThatAreNotExactlyOneJsonObject(String body, String messagePart) {
    checks().refused(body.strip(), null, messagePart);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "   ", "\n"})
  void refusesAnEmptyBody(String body) {
    checks().refused(body, null, "request body");
  }

  @Test
  void acceptsWhitespaceAroundTheObject() {
    checks().accepted(" \n\t" + VALID + "\r\n ", 30);
  }

  @Test
  void doesNotEchoMalformedInputBack() {
    var refused = checks().refused("{\"prompt\":\"secret-sauce-xyz", null, "not valid JSON");

    assertThat(refused.text()).doesNotContain("secret-sauce-xyz");
  }

  @ParameterizedTest(name = "bytes {0}")
  @ValueSource(strings = {"ff", "c328", "c0af", "eda080", "f4908080", "e282"})
  void refusesInvalidUtf8(String hex) {
    byte[] head = "{\"prompt\":\"a red fox ".getBytes(StandardCharsets.UTF_8);
    byte[] bad = HexFormat.of().parseHex(hex);
    byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + bad.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(bad, 0, body, head.length, bad.length);
    System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);

    checks()
        .refused(
            (customer, key) -> api().sendBytes("POST", PATH, headers(customer, key), body),
            null,
            "UTF-8");
  }

  @ParameterizedTest(name = "Content-Type: {0}")
  @ValueSource(
      strings = {
        "text/plain",
        "text/plain; charset=utf-8",
        "application/x-www-form-urlencoded",
        "application/jsonp",
        "application/json; charset=iso-8859-1",
        "application/json; charset=utf-16",
      })
  void refusesAnyContentTypeButJson(String contentType) {
    checks()
        .refused(
            (customer, key) ->
                api().sendRaw("POST", PATH, headers(customer, key, contentType), bytes(VALID)),
            null,
            "Content-Type");
  }

  @Test
  void refusesAMissingContentType() {
    checks()
        .refused(
            (customer, key) ->
                api().sendRaw("POST", PATH, headers(customer, key, null), bytes(VALID)),
            null,
            "Content-Type");
  }

  @ParameterizedTest(name = "Content-Type: {0}")
  @ValueSource(
      strings = {
        "application/json",
        "application/json; charset=utf-8",
        "application/json;charset=UTF-8",
        "Application/JSON",
      })
  void acceptsJsonWithOrWithoutTheUtf8Charset(String contentType) {
    var customer = api().newCustomer(SubmitChecks.BALANCE);
    var accepted =
        api()
            .sendRaw(
                "POST",
                PATH,
                headers(customer, SubmitChecks.newIdempotencyKey(), contentType),
                bytes(VALID));

    SubmitChecks.assertAccepted(accepted, 30);
  }

  @Test
  void acceptsABodyOfExactly256KibAndRefusesOneByteMore() {
    String exact = padded(MAX_BODY);
    assertThat(bytes(exact)).hasSize(MAX_BODY);

    checks().accepted(exact, 30);
    checks().refused(padded(MAX_BODY + 1), null, "too large");
  }

  @Test
  void refusesAnOversizedPromptAsTooLarge() {
    String body = SubmitChecks.body("prompt", "a".repeat(300 * 1024));

    checks().refused(body, null, "too large");
  }

  @Test
  void refusesAnOversizedBodySentWithoutContentLength() {
    byte[] body = bytes(padded(MAX_BODY + 1));

    checks().refused((customer, key) -> sendChunked(customer, key, body), null, "too large");
  }

  @Test
  void refusesAMissingOrMalformedIdempotencyKey() {
    String longKey = "k".repeat(256);
    for (String bad : new String[] {null, "", longKey, "abc\tdef", "abc def", "\"\""}) {
      var customer = api().newCustomer(SubmitChecks.BALANCE);
      var headers = new ArrayList<List<String>>();
      headers.add(List.of("Authorization", "Bearer " + customer.key()));
      headers.add(List.of("Content-Type", "application/json"));
      if (bad != null) {
        headers.add(List.of("Idempotency-Key", bad));
      }

      var refused = api().sendRaw("POST", PATH, headers, bytes(VALID));

      assertThat(refused.status()).as("key [%s]: %s", bad, refused.text()).isEqualTo(400);
      assertThat(refused.errorCode()).isEqualTo("invalid_request");
      assertThat(refused.errorMessage()).contains("Idempotency-Key");
      assertThat(refused.json().path("error").path("param").asString())
          .isEqualTo("Idempotency-Key");
      assertThat(api().balance(customer.key())).isEqualTo(SubmitChecks.BALANCE);
    }
  }

  @Test
  void refusesTwoIdempotencyKeyHeadersAndLeavesBothKeysFree() {
    checks()
        .refused(
            (customer, key) -> {
              var headers = new ArrayList<>(headers(customer, key, "application/json"));
              headers.add(List.of("Idempotency-Key", "other-" + key));
              return api().sendRaw("POST", PATH, headers, bytes(VALID));
            },
            "Idempotency-Key",
            "Idempotency-Key");
  }

  @Test
  void acceptsAKeyOf255VisibleCharacters() {
    var customer = api().newCustomer(SubmitChecks.BALANCE);
    String key = "!~" + "k".repeat(253);

    SubmitChecks.assertAccepted(api().submit(customer.key(), key, VALID), 30);
    var replay = api().submit(customer.key(), key, VALID);

    assertThat(replay.status()).isEqualTo(202);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(api().balance(customer.key())).isEqualTo(SubmitChecks.BALANCE - 30);
  }

  @Test
  void acceptsAQuotedKeyAsTheSameKeyUnquoted() {
    var customer = api().newCustomer(SubmitChecks.BALANCE);

    var first = api().submit(customer.key(), "\"abc\"", VALID);
    var second = api().submit(customer.key(), "abc", VALID);

    SubmitChecks.assertAccepted(first, 30);
    assertThat(second.status()).isEqualTo(202);
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(second.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
    assertThat(api().balance(customer.key())).isEqualTo(SubmitChecks.BALANCE - 30);
  }

  /** A valid body padded with JSON whitespace to exactly {@code size} bytes. */
  private static String padded(int size) {
    return VALID + " ".repeat(size - VALID.length());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, String> headers(Api.Customer customer, String key) {
    return Map.of(
        "Authorization",
        "Bearer " + customer.key(),
        "Content-Type",
        "application/json",
        "Idempotency-Key",
        key);
  }

  private static List<List<String>> headers(Api.Customer customer, String key, String contentType) {
    var headers = new ArrayList<List<String>>();
    headers.add(List.of("Authorization", "Bearer " + customer.key()));
    headers.add(List.of("Idempotency-Key", key));
    if (contentType != null) {
      headers.add(List.of("Content-Type", contentType));
    }
    return headers;
  }

  /** Sends the body chunked, so the server cannot rely on a Content-Length. */
  private Api.Response sendChunked(Api.Customer customer, String key, byte[] body) {
    var request =
        HttpRequest.newBuilder(URI.create(api().base() + PATH))
            .header("Authorization", "Bearer " + customer.key())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();
    try (var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Api.Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
