package seedance.provider.internal.fal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach fal: the queue's base URL, the account key, the model path prefix for each quality
 * tier (the mode path such as {@code text-to-video} is appended to it) and the HTTP timeouts.
 *
 * @param requestTimeout the longest wait for one response; a submit that runs into it may have
 *     reached fal, so it is reported as ambiguous
 */
record FalSettings(
    URI queueUrl,
    String key,
    Map<String, String> modelByTier,
    Duration connectTimeout,
    Duration requestTimeout) {

  static final URI DEFAULT_QUEUE_URL = URI.create("https://queue.fal.run");

  /** §7.1 of the upstream research: a guess, so operators can override it. */
  static final Map<String, String> DEFAULT_MODELS =
      Map.of(
          "pro", "bytedance/seedance-2.0",
          "standard", "bytedance/seedance-2.0/fast",
          "mini", "bytedance/seedance-2.0/mini");

  FalSettings {
    Objects.requireNonNull(queueUrl, "queueUrl");
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("a fal key is required");
    }
    modelByTier = Map.copyOf(modelByTier);
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    // Trailing slashes would double up when paths are appended.
    String base = queueUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    queueUrl = URI.create(base);
  }

  static FalSettings withDefaults(String key) {
    return new FalSettings(
        DEFAULT_QUEUE_URL, key, DEFAULT_MODELS, Duration.ofSeconds(10), Duration.ofSeconds(60));
  }

  FalSettings withQueueUrl(URI url) {
    return new FalSettings(url, key, modelByTier, connectTimeout, requestTimeout);
  }

  FalSettings withRequestTimeout(Duration timeout) {
    return new FalSettings(queueUrl, key, modelByTier, connectTimeout, timeout);
  }

  /** Keeps the key out of logs and exception messages that print the settings. */
  @Override
  public String toString() {
    return "FalSettings[queueUrl="
        + queueUrl
        + ", key=***, modelByTier="
        + modelByTier
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + "]";
  }
}
