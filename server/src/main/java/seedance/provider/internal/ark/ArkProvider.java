package seedance.provider.internal.ark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import seedance.provider.Callbacks;
import seedance.provider.GenerationRequest;
import seedance.provider.GenerationStatus;
import seedance.provider.ProviderException;
import seedance.provider.ProviderException.Kind;
import seedance.provider.RetryAfter;
import seedance.provider.VideoProvider;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seedance 2.0 through Ark's official task API, on BytePlus ModelArk or Volcengine (research §1).
 * Ark has no idempotency key, so every create is tagged with our task id in {@code
 * safety_identifier}, which Ark echoes in its task list: after a create that timed out, {@link
 * #findSubmitted} finds the task instead of paying for a second one.
 */
class ArkProvider implements VideoProvider {

  static final String NAME = "ark";

  private static final Logger log = LoggerFactory.getLogger(ArkProvider.class);
  private static final String TASKS = "/contents/generations/tasks";

  /** Ark's largest page. */
  private static final int LIST_PAGE_SIZE = 500;

  /**
   * Ark lists only the last 7 days; a create we are reconciling is minutes old, so near the top.
   */
  private static final int LIST_MAX_PAGES = 10;

  private final ArkSettings settings;
  private final HttpClient http;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Callbacks callbacks;

  ArkProvider(ArkSettings settings) {
    this(settings, (Callbacks) null);
  }

  /** {@code callbacks} may be null: then Ark is only polled. */
  ArkProvider(ArkSettings settings, Callbacks callbacks) {
    this(
        settings,
        HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build(),
        callbacks);
  }

  ArkProvider(ArkSettings settings, HttpClient http) {
    this(settings, http, null);
  }

  ArkProvider(ArkSettings settings, HttpClient http, Callbacks callbacks) {
    this.settings = settings;
    this.http = http;
    this.callbacks = callbacks;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String submit(GenerationRequest request) {
    var create = ArkCreateBody.of(request, settings, json);
    if (callbacks != null) {
      // Ark calls it on every status change; the worker re-reads the task, never trusts the body.
      callbacks.url(NAME, request.taskId()).ifPresent(url -> create.put("callback_url", url));
    }
    String body = json.writeValueAsString(create);
    var response =
        exchange("create", request(TASKS).POST(HttpRequest.BodyPublishers.ofString(body)));
    // Ark took the request: whatever is unreadable in its answer, a task may exist.
    String id = read("create", response, Kind.AMBIGUOUS).path("id").asString("");
    if (id.isEmpty()) {
      throw new ProviderException(
          Kind.AMBIGUOUS, null, "Ark create answered without a task id", null);
    }
    return id;
  }

  @Override
  public GenerationStatus poll(String upstreamId, GenerationRequest request) {
    var response = exchange("get", request(TASKS + "/" + path(upstreamId)).GET());
    if (response.statusCode() == 404) {
      // Ark keeps tasks 7 days; a task it no longer knows will never finish.
      return GenerationStatus.failed(
          "generation_failed", "The upstream no longer knows this generation.");
    }
    return ArkTaskStatus.of(read("get", response, Kind.UPSTREAM_ERROR), json);
  }

  @Override
  public void cancel(String upstreamId) {
    try {
      send("delete", request(TASKS + "/" + path(upstreamId)).DELETE());
    } catch (ProviderException e) {
      // Running tasks cannot be cancelled on Ark; nothing more to do then.
      log.info("Ark task {} not cancelled: {}", upstreamId, e.getMessage());
    }
  }

  /**
   * Pages through Ark's task list (the last 7 days) for the task tagged with our task id. Ark
   * documents {@code filter.model} as taking an endpoint id, so the list is narrowed only when the
   * tier is configured with one ({@code ep-...}); with a plain model id every task is scanned.
   */
  @Override
  public Optional<String> findSubmitted(GenerationRequest request) {
    String model = request.modelOr(settings.modelsByTier().getOrDefault(request.qualityTier(), ""));
    String filter =
        model.startsWith("ep-")
            ? "&filter.model=" + URLEncoder.encode(model, StandardCharsets.UTF_8)
            : "";
    int seen = 0;
    for (int page = 1; page <= LIST_MAX_PAGES; page++) {
      JsonNode list =
          send(
              "list",
              request(TASKS + "?page_num=" + page + "&page_size=" + LIST_PAGE_SIZE + filter).GET());
      JsonNode items = list.path("items");
      for (JsonNode task : items.values()) {
        if (request.taskId().equals(task.path("safety_identifier").asString(""))) {
          return Optional.of(task.path("id").asString());
        }
      }
      seen += items.size();
      if (items.isEmpty() || seen >= list.path("total").asInt(0)) {
        break;
      }
    }
    return Optional.empty();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
        .timeout(settings.readTimeout())
        .header("Authorization", "Bearer " + settings.apiKey())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json");
  }

  private JsonNode send(String operation, HttpRequest.Builder request) {
    return read(operation, exchange(operation, request), Kind.UPSTREAM_ERROR);
  }

  private HttpResponse<String> exchange(String operation, HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw ArkErrors.fromIo(operation, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(Kind.AMBIGUOUS, null, "Ark " + operation + " interrupted", e);
    }
  }

  private JsonNode read(String operation, HttpResponse<String> response, Kind unreadable) {
    if (response.statusCode() / 100 != 2) {
      var failure = ArkErrors.fromResponse(operation, response.statusCode(), response.body(), json);
      // Our account's refusal may say when to come back (a quota window): the rest honours it.
      if (failure.kind() == Kind.THROTTLED
          || failure.kind() == Kind.UPSTREAM_ERROR
          || failure.kind() == Kind.ACCOUNT) {
        throw new ProviderException(
            failure.kind(),
            null,
            failure.getMessage(),
            null,
            RetryAfter.parse(response.headers().firstValue("Retry-After")));
      }
      throw failure;
    }
    try {
      String body = response.body();
      return json.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (JacksonException e) {
      throw new ProviderException(
          unreadable, null, "Ark " + operation + " answered with unreadable JSON", e);
    }
  }

  private static String path(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}
