package seedance.provider.internal.replicate;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach Replicate.
 *
 * @param baseUrl the API root, such as {@code https://api.replicate.com/v1}; no trailing slash
 * @param token the API token; never logged and never put into an exception message
 * @param models quality tier to official model ({@code owner/name}); a tier without an entry has no
 *     Replicate model, so its tasks are rejected before anything is paid for
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for a whole answer once connected
 */
record ReplicateSettings(
    URI baseUrl,
    String token,
    Map<String, String> models,
    Duration connectTimeout,
    Duration requestTimeout) {

  static final URI DEFAULT_BASE_URL = URI.create("https://api.replicate.com/v1");

  /** Seedance 2.0 Mini is not published on Replicate, so the mini tier has no entry. */
  static final Map<String, String> DEFAULT_MODELS =
      Map.of("pro", "bytedance/seedance-2.0", "standard", "bytedance/seedance-2.0-fast");

  ReplicateSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(token, "token");
    models = Map.copyOf(models);
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    String path = baseUrl.toString();
    if (path.endsWith("/")) {
      baseUrl = URI.create(path.substring(0, path.length() - 1));
    }
  }

  static ReplicateSettings defaults(String token) {
    return new ReplicateSettings(
        DEFAULT_BASE_URL, token, DEFAULT_MODELS, Duration.ofSeconds(10), Duration.ofSeconds(30));
  }

  /** Keeps the token out of logs and exception messages that print the settings. */
  @Override
  public String toString() {
    return "ReplicateSettings[baseUrl=%s, models=%s, connectTimeout=%s, requestTimeout=%s]"
        .formatted(baseUrl, models, connectTimeout, requestTimeout);
  }
}
