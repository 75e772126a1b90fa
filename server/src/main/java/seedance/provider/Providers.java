package seedance.provider;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The providers configured in this process and the routing table (quality tier × channel → ordered
 * providers and model ids). A provider that refused a create for our own account's problem, or
 * throttled it, rests for a while (in this process's memory) and its routes skip it; a cell whose
 * providers all rest, or that has none, cannot take new tasks. Rests are counted in the metric
 * {@code seedance.upstream.cool_downs} (tags {@code provider}, {@code kind}: account or throttled),
 * and the gauge {@code seedance.upstream.resting} shows how many providers rest now.
 */
@Service
public class Providers {

  private static final Logger log = LoggerFactory.getLogger(Providers.class);
  private static final List<String> UPSTREAMS = List.of("ark", "fal", "replicate");

  /**
   * A Retry-After of 0 ("now") still rests the provider this long, so a storm of them does not let
   * every queued task hammer it at once.
   */
  static final Duration SHORTEST_REST = Duration.ofSeconds(1);

  /** Why a tier and channel cannot take a task now, and when to ask again. */
  public record Busy(String message, Duration retryAfter) {}

  private final Map<String, VideoProvider> byName = new LinkedHashMap<>();
  private final Map<String, List<Route>> routes = new LinkedHashMap<>();
  private final Map<String, Instant> restingUntil = new ConcurrentHashMap<>();
  // Only our account's problems refuse new submits; a throttle is waited out by the queue instead.
  private final Map<String, Instant> refusingUntil = new ConcurrentHashMap<>();
  private final RoutingSettings settings;
  private final InstantSource clock;
  private final MeterRegistry metrics;

  @Autowired
  public Providers(
      List<VideoProvider> providers,
      RoutingSettings settings,
      InstantSource clock,
      @Value("${seedance.ark.base-url:}") String arkBaseUrl,
      MeterRegistry metrics) {
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
    Gauge.builder("seedance.upstream.resting", this, Providers::restingNow)
        .description("providers resting now after a throttle or our account's refusal")
        .register(metrics);
    providers.forEach(p -> byName.put(p.name(), p));
    var table = RouteTable.builtIn(byName.keySet(), arkBaseUrl);
    if (settings.file() != null && !settings.file().isBlank()) {
      table.putAll(RouteTable.read(Path.of(settings.file().strip())));
    }
    table.forEach(
        (cell, steps) ->
            routes.put(
                cell,
                steps.stream().map(step -> new Route(require(step, cell), step.model())).toList()));
    log.info("routing table: {}", describe());
  }

  /** Every step of the route for a tier and channel, resting or not; may be empty. */
  public List<Route> route(String qualityTier, String channel) {
    return routes.getOrDefault(RouteTable.cell(qualityTier, channel), List.of());
  }

  /**
   * Whether a task of this tier and channel is sent to a remote upstream (at least one step of its
   * route is not the local renderer), resting or not.
   */
  public boolean reachesUpstream(String qualityTier, String channel) {
    return route(qualityTier, channel).stream().anyMatch(step -> !step.provider().local());
  }

  /** The steps that may be tried now, in order; empty when none can. */
  public List<Route> available(String qualityTier, String channel) {
    Instant now = clock.instant();
    return route(qualityTier, channel).stream().filter(r -> !resting(r.name(), now)).toList();
  }

  /**
   * Empty when a new task of this tier and channel can be accepted now: refused only when the cell
   * has no route or every provider on it refused our account lately. A throttled provider does not
   * refuse submits; the task waits in the queue until one takes it.
   */
  public Optional<Busy> busy(String qualityTier, String channel) {
    var route = route(qualityTier, channel);
    if (route.isEmpty()) {
      return Optional.of(
          new Busy(
              "no video service is configured for quality_tier "
                  + qualityTier
                  + " on the "
                  + channel
                  + " channel; nothing was charged",
              Duration.ofMinutes(1)));
    }
    Instant now = clock.instant();
    Instant firstFree = null;
    for (Route step : route) {
      if (!before(refusingUntil, step.name(), now)) {
        return Optional.empty();
      }
      Instant until = refusingUntil.get(step.name());
      if (until != null && (firstFree == null || until.isBefore(firstFree))) {
        firstFree = until;
      }
    }
    Duration wait = firstFree == null ? Duration.ofSeconds(1) : Duration.between(now, firstFree);
    return Optional.of(
        new Busy(
            "the video service is busy right now; nothing was charged, please retry",
            wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait));
  }

  /**
   * Rests a provider after a create it refused for our account's problem or throttled, for as long
   * as the upstream's {@code retryAfter} asked when it named a wait (at least {@link
   * #SHORTEST_REST}, at most {@link RetryAfter#MAX}), else for the configured cool-down of that
   * kind. A cool-down configured as zero turns rests of that kind off, Retry-After or not. Other
   * kinds of failure say nothing about the next task and are ignored.
   */
  public void rest(String provider, ProviderException.Kind kind, Duration retryAfter) {
    Duration configured =
        switch (kind) {
          case ACCOUNT -> settings.accountCoolDown();
          case THROTTLED -> settings.throttleCoolDown();
          default -> Duration.ZERO;
        };
    if (!configured.isPositive() || provider.equals(RouteTable.LOCAL)) {
      return;
    }
    Duration pause = retryAfter == null ? configured : bounded(retryAfter);
    Instant until = clock.instant().plus(pause);
    restingUntil.merge(provider, until, (a, b) -> a.isAfter(b) ? a : b);
    if (kind == ProviderException.Kind.ACCOUNT) {
      refusingUntil.merge(provider, until, (a, b) -> a.isAfter(b) ? a : b);
    }
    metrics
        .counter(
            "seedance.upstream.cool_downs",
            "provider",
            provider,
            "kind",
            kind.name().toLowerCase(Locale.ROOT))
        .increment();
    log.warn(
        "provider {} rests until {} after {}{}",
        provider,
        until,
        kind,
        retryAfter == null ? "" : " (its Retry-After asked for " + retryAfter + ")");
  }

  /** How many providers rest now (the gauge). */
  int restingNow() {
    Instant now = clock.instant();
    return (int) restingUntil.keySet().stream().filter(p -> resting(p, now)).count();
  }

  private static Duration bounded(Duration retryAfter) {
    if (retryAfter.compareTo(SHORTEST_REST) < 0) {
      return SHORTEST_REST;
    }
    return retryAfter.compareTo(RetryAfter.MAX) > 0 ? RetryAfter.MAX : retryAfter;
  }

  /** The local renderer, for tasks that never go upstream (test keys). */
  public VideoProvider local() {
    return require(RouteTable.LOCAL, "test-key tasks");
  }

  /** The provider an earlier attempt used, to keep polling it. */
  public VideoProvider named(String name) {
    return require(name, "a task's recorded provider");
  }

  private VideoProvider require(RouteTable.Step step, String cell) {
    var provider = require(step.provider(), step.where());
    String channel = cell.substring(cell.indexOf('.') + 1);
    if (!provider.servesChannel(channel)) {
      throw new RoutingException(
          step.where() + " names " + step.provider() + ", which has no " + channel + " channel");
    }
    return provider;
  }

  private boolean resting(String provider, Instant now) {
    return before(restingUntil, provider, now);
  }

  private static boolean before(Map<String, Instant> untils, String provider, Instant now) {
    Instant until = untils.get(provider);
    return until != null && now.isBefore(until);
  }

  private String describe() {
    var text = new StringBuilder();
    routes.forEach(
        (cell, steps) ->
            text.append(cell)
                .append("=")
                .append(
                    steps.stream()
                        .map(r -> r.model() == null ? r.name() : r.name() + ":" + r.model())
                        .toList())
                .append(' '));
    return text.toString().strip();
  }

  private VideoProvider require(String name, String where) {
    var provider = byName.get(name);
    if (provider == null) {
      throw new RoutingException(
          where
              + " names provider '"
              + name
              + "', which is not configured"
              + (UPSTREAMS.contains(name)
                  ? " (set SEEDANCE_" + name.toUpperCase(Locale.ROOT) + "_" + secretName(name) + ")"
                  : " (known providers: ark, fal, replicate, local)"));
    }
    return provider;
  }

  private static String secretName(String provider) {
    return switch (provider) {
      case "ark" -> "API_KEY";
      case "replicate" -> "TOKEN";
      default -> "KEY";
    };
  }
}
