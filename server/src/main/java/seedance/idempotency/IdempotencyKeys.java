package seedance.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import seedance.idempotency.internal.IdempotencyRepository;
import seedance.web.ApiException;
import seedance.web.ErrorCode;
import tools.jackson.databind.JsonNode;

/**
 * Idempotency keys, scoped per account. Only outcomes that created state are stored (in the same
 * transaction as that state), so a request refused for bad input, rate limit or credits leaves the
 * key free for the corrected retry. Keys are kept for {@link #RETENTION}.
 */
@Service
public class IdempotencyKeys {

  public static final String HEADER = "Idempotency-Key";
  public static final Duration RETENTION = Duration.ofHours(24);
  private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

  private final IdempotencyRepository repository;
  private final InstantSource clock;

  IdempotencyKeys(IdempotencyRepository repository, InstantSource clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * The request's key: exactly one header of 1 to 255 visible ASCII characters; a structured-field
   * string in double quotes is accepted and unquoted.
   */
  public static String requireKey(HttpServletRequest request) {
    var values = Collections.list(request.getHeaders(HEADER));
    if (values.isEmpty() || values.get(0).isEmpty()) {
      throw ApiException.invalidField(HEADER, "the Idempotency-Key header is required on POST");
    }
    if (values.size() > 1) {
      throw ApiException.invalidField(HEADER, "send exactly one Idempotency-Key header");
    }
    return checkKey(values.get(0));
  }

  /**
   * A key given other than as a header (the MCP tools' {@code idempotency_key}), held to the same
   * rules: 1 to 255 visible ASCII characters, a quoted structured-field string unquoted.
   */
  public static String checkKey(String value) {
    String key = value;
    if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
      key = key.substring(1, key.length() - 1);
    }
    if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
      throw ApiException.invalidField(
          HEADER, "Idempotency-Key must be 1 to 255 visible ASCII characters");
    }
    return key;
  }

  /** SHA-256 over method, path and the canonical form of the body (sorted keys, no whitespace). */
  public static String fingerprint(String method, String path, JsonNode body) {
    var canonical = new StringBuilder(method).append(' ').append(path).append('\n');
    appendCanonical(canonical, body);
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Optional<StoredResponse> find(String accountId, String key) {
    return repository.find(accountId, key, clock.millis() - RETENTION.toMillis());
  }

  /**
   * Stores the response under the key inside the caller's transaction. False when another request
   * holds the key: it committed first, or it is still running. A concurrent holder is waited for at
   * most the database's lock timeout, then answered 409 with {@code Retry-After}.
   */
  public boolean store(String accountId, String key, StoredResponse response) {
    try {
      long now = clock.millis();
      return repository.insert(accountId, key, response, now, now - RETENTION.toMillis());
    } catch (PessimisticLockingFailureException e) {
      throw inProgress();
    }
  }

  public static ApiException inProgress() {
    return new ApiException(
        ErrorCode.IDEMPOTENCY_CONFLICT,
        "a request with this Idempotency-Key is still in progress; retry shortly",
        Map.of("Retry-After", "1"));
  }

  public static ApiException reusedWithOtherBody() {
    return new ApiException(
        ErrorCode.IDEMPOTENCY_CONFLICT,
        "this Idempotency-Key was already used with a different request; use a new key");
  }

  @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
  public void purgeExpired() {
    int purged = repository.deleteCreatedBefore(clock.millis() - RETENTION.toMillis());
    if (purged > 0) {
      log.info("purged {} expired idempotency keys", purged);
    }
  }

  private static void appendCanonical(StringBuilder out, JsonNode node) {
    if (node.isObject()) {
      var sorted = new TreeMap<String, JsonNode>();
      node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      out.append('{');
      boolean first = true;
      for (var e : sorted.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        appendString(out, e.getKey());
        out.append(':');
        appendCanonical(out, e.getValue());
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      boolean first = true;
      for (JsonNode item : node.values()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        appendCanonical(out, item);
      }
      out.append(']');
    } else if (node.isString()) {
      appendString(out, node.stringValue());
    } else {
      out.append(node.toString());
    }
  }

  private static void appendString(StringBuilder out, String s) {
    // Length-prefixed, so no escaping scheme is needed to keep distinct strings distinct.
    out.append(s.length()).append('"').append(s).append('"');
  }
}
