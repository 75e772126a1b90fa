package seedance.sdk;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Seedance video API. Immutable and thread-safe: build one and share it.
 *
 * <pre>{@code
 * var client = SeedanceClient.builder().apiKey(System.getenv("SEEDANCE_API_KEY"))
 *     .baseUrl("https://video.example.com").build();
 * var created = client.videos().create(VideoRequest.builder("a red fox in fresh snow").build());
 * var task = client.tasks().waitFor(created.id(), Duration.ofMinutes(10));
 * if (task.isCompleted()) client.tasks().download(task, Path.of("fox.mp4"));
 * }</pre>
 *
 * <p>Every call retries connection failures, 429 (after its {@code Retry-After}), 503 and other 5xx
 * up to {@link #DEFAULT_MAX_RETRIES} times with capped, jittered backoff, and never retries any
 * other 4xx. Errors arrive as one {@link SeedanceException} subclass per error code.
 */
public final class SeedanceClient {

  public static final String DEFAULT_BASE_URL = "http://localhost:8080";
  public static final int DEFAULT_MAX_RETRIES = 3;
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_INITIAL_POLL_INTERVAL = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofSeconds(5);

  private final Builder settings;
  private final Videos videos;
  private final Tasks tasks;

  private SeedanceClient(Builder settings) {
    this.settings = settings.copy();
    HttpClient http =
        settings.httpClient != null
            ? settings.httpClient
            : HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    var json =
        JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    String base = settings.baseUrl.endsWith("/") ? settings.baseUrl : settings.baseUrl + "/";
    var api =
        new ApiHttp(
            http,
            URI.create(base),
            settings.apiKey,
            settings.requestTimeout,
            new Retrying(settings.maxRetries, settings.initialBackoff, settings.maxBackoff),
            json);
    this.videos = new Videos(api);
    this.tasks = new Tasks(api, settings.initialPollInterval, settings.maxPollInterval);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder with the key from {@code SEEDANCE_API_KEY} and the base URL from {@code
   * SEEDANCE_BASE_URL} (when set).
   */
  public static Builder fromEnvironment() {
    var builder = new Builder().apiKey(System.getenv("SEEDANCE_API_KEY"));
    String base = System.getenv("SEEDANCE_BASE_URL");
    return base == null || base.isBlank() ? builder : builder.baseUrl(base);
  }

  /** A builder preset with this client's settings. */
  public Builder newBuilder() {
    return settings.copy();
  }

  public Videos videos() {
    return videos;
  }

  public Tasks tasks() {
    return tasks;
  }

  /** Settings of a {@link SeedanceClient}; only the API key is required. */
  public static final class Builder {
    private String apiKey;
    private String baseUrl = DEFAULT_BASE_URL;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration initialPollInterval = DEFAULT_INITIAL_POLL_INTERVAL;
    private Duration maxPollInterval = DEFAULT_MAX_POLL_INTERVAL;
    private HttpClient httpClient;

    private Builder() {}

    /** {@code sk_live_...}, sent as {@code Authorization: Bearer}. */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /**
     * Where the API is, e.g. {@code https://video.example.com}; default {@code
     * http://localhost:8080}.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** Retries after the first attempt (0 turns retrying off). */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be 0 or more");
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * The first retry waits about {@code initial}; each next one twice as long, up to {@code max}.
     */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = positive(initial, "initial backoff");
      this.maxBackoff = positive(max, "max backoff");
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connect timeout");
      return this;
    }

    /** How long one attempt may take before it counts as a connection failure. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "request timeout");
      return this;
    }

    /** How often {@link Tasks#waitFor} polls: from {@code initial}, slowing down to {@code max}. */
    public Builder pollInterval(Duration initial, Duration max) {
      this.initialPollInterval = positive(initial, "initial poll interval");
      this.maxPollInterval = positive(max, "max poll interval");
      return this;
    }

    /** The transport seam: a preconfigured client (proxy, TLS, executor); timeouts then are its. */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    public SeedanceClient build() {
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalStateException("an API key is required (SEEDANCE_API_KEY)");
      }
      URI.create(baseUrl); // fail here, not at the first call
      return new SeedanceClient(this);
    }

    private Builder copy() {
      var b = new Builder();
      b.apiKey = apiKey;
      b.baseUrl = baseUrl;
      b.maxRetries = maxRetries;
      b.initialBackoff = initialBackoff;
      b.maxBackoff = maxBackoff;
      b.connectTimeout = connectTimeout;
      b.requestTimeout = requestTimeout;
      b.initialPollInterval = initialPollInterval;
      b.maxPollInterval = maxPollInterval;
      b.httpClient = httpClient;
      return b;
    }

    private static Duration positive(Duration value, String name) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return value;
    }
  }
}
