package seedance.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import seedance.testing.MutableClock;

class ProvidersTest {

  /** Only the name matters for routing. */
  private record Named(String name) implements VideoProvider {
    @Override
    public String submit(GenerationRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public GenerationStatus poll(String upstreamId, GenerationRequest request) {
      throw new UnsupportedOperationException();
    }
  }

  /** fal's channels. */
  private record StandardOnly(String name) implements VideoProvider {
    @Override
    public String submit(GenerationRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public GenerationStatus poll(String upstreamId, GenerationRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean servesChannel(String channel) {
      return channel.equals("standard");
    }
  }

  private static final Named LOCAL = new Named("local");
  private static final Named ARK = new Named("ark");
  private static final Named FAL = new Named("fal");
  private static final Named REPLICATE = new Named("replicate");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock();

  private Providers providers(List<VideoProvider> configured, String file) {
    return providers(configured, file, "");
  }

  private Providers providers(List<VideoProvider> configured, String file, String arkBaseUrl) {
    var settings = new RoutingSettings(file, Duration.ofMinutes(5), Duration.ofSeconds(30));
    return new Providers(configured, settings, clock, arkBaseUrl, new SimpleMeterRegistry());
  }

  private String file(String yaml) throws IOException {
    Path path = dir.resolve("routes.yaml");
    Files.writeString(path, yaml);
    return path.toString();
  }

  private static List<String> steps(List<Route> route) {
    return route.stream()
        .map(r -> r.model() == null ? r.name() : r.name() + ":" + r.model())
        .toList();
  }

  @Test
  void withoutUpstreamsEveryTierAndChannelRunsLocally() {
    var providers = providers(List.of(LOCAL), null);

    for (String tier : List.of("mini", "standard", "pro")) {
      for (String channel : List.of("standard", "real", "wild")) {
        assertThat(steps(providers.route(tier, channel))).containsExactly("local");
        assertThat(providers.busy(tier, channel)).isEmpty();
      }
    }
  }

  @Test
  void builtInRoutesUseEachUpstreamsModelForTheTierAndLeaveResellerChannelsUnserved() {
    var providers = providers(List.of(LOCAL, REPLICATE, FAL, ARK), null);

    assertThat(steps(providers.route("pro", "standard")))
        .containsExactly(
            "ark:dreamina-seedance-2-0-260128",
            "fal:bytedance/seedance-2.0",
            "replicate:bytedance/seedance-2.0");
    assertThat(steps(providers.route("standard", "standard")))
        .containsExactly(
            "ark:dreamina-seedance-2-0-fast-260128",
            "fal:bytedance/seedance-2.0/fast",
            "replicate:bytedance/seedance-2.0-fast");
    // Replicate publishes no Mini model.
    assertThat(steps(providers.route("mini", "standard")))
        .containsExactly(
            "ark:dreamina-seedance-2-0-mini-260615", "fal:bytedance/seedance-2.0/mini");
    assertThat(providers.route("pro", "wild")).isEmpty();
    assertThat(providers.route("standard", "real")).isEmpty();
    assertThat(providers.busy("pro", "wild")).isPresent();
  }

  @Test
  void volcengineArkGetsDoubaoModelIds() {
    var providers =
        providers(List.of(LOCAL, ARK), null, "https://ark.cn-beijing.volces.com/api/v3");

    assertThat(steps(providers.route("pro", "standard")))
        .containsExactly("ark:doubao-seedance-2-0-260128");
    assertThat(steps(providers.route("mini", "standard")))
        .containsExactly("ark:doubao-seedance-2-0-mini-260615");
  }

  @Test
  void aRoutingFileReplacesTheCellsItNamesAndKeepsTheRest() throws IOException {
    String file =
        file(
            """
            routes:
              pro:
                standard:
                  - provider: fal
                    model: bytedance/seedance-2.0
                  - provider: ark
                    model: ep-20260101-relay
                wild:
                  - provider: ark
                    model: seedance-2-0-filter-off
              mini:
                standard: []
                real:
                  - provider: local
            """);
    var providers = providers(List.of(LOCAL, ARK, FAL), file);

    assertThat(steps(providers.route("pro", "standard")))
        .containsExactly("fal:bytedance/seedance-2.0", "ark:ep-20260101-relay");
    assertThat(steps(providers.route("pro", "wild")))
        .containsExactly("ark:seedance-2-0-filter-off");
    assertThat(providers.route("mini", "standard")).isEmpty();
    assertThat(steps(providers.route("mini", "real"))).containsExactly("local");
    assertThat(steps(providers.route("standard", "standard")))
        .containsExactly(
            "ark:dreamina-seedance-2-0-fast-260128", "fal:bytedance/seedance-2.0/fast");
  }

  @Test
  void theExampleFileInTheRepositoryIsTheBuiltInTableForAllThreeUpstreams() {
    var all = List.<VideoProvider>of(LOCAL, ARK, FAL, REPLICATE);
    var builtIn = providers(all, null);
    var example = providers(all, Path.of("..", "routes.example.yaml").toString());

    for (String tier : List.of("mini", "standard", "pro")) {
      for (String channel : List.of("standard", "real", "wild")) {
        assertThat(steps(example.route(tier, channel)))
            .as(tier + "/" + channel)
            .isEqualTo(steps(builtIn.route(tier, channel)));
      }
    }
  }

  @Test
  void aJsonRoutingFileWorksToo() throws IOException {
    String file =
        file(
            """
            {"routes": {"standard": {"standard": [
              {"provider": "replicate", "model": "bytedance/seedance-2.0-fast"}]}}}
            """);
    var providers = providers(List.of(LOCAL, REPLICATE), file);

    assertThat(steps(providers.route("standard", "standard")))
        .containsExactly("replicate:bytedance/seedance-2.0-fast");
  }

  @Test
  void aRouteNamingAnUnconfiguredProviderStopsStartUpWithOneLineSayingWhichAndWhatToSet()
      throws IOException {
    String file =
        file(
            """
            routes:
              pro:
                standard:
                  - provider: ark
                    model: dreamina-seedance-2-0-260128
                  - provider: fal
                    model: bytedance/seedance-2.0
            """);

    assertThatThrownBy(() -> providers(List.of(LOCAL, ARK), file))
        .isInstanceOf(RoutingException.class)
        .hasMessageContaining("routes.pro.standard[1]")
        .hasMessageContaining("'fal'")
        .hasMessageContaining("SEEDANCE_FAL_KEY")
        .hasMessageNotContaining("\n");
  }

  @Test
  void malformedFilesStopStartUpWithOneLineNamingTheProblem() throws IOException {
    assertOneLine(
        "routes:\n  pro:\n    standard: [ {provider: ark, model: x\n",
        List.of(LOCAL, ARK),
        "not valid YAML or JSON",
        "line");
    assertOneLine(
        "routes:\n  ultra:\n    standard: []\n",
        List.of(LOCAL),
        "routes.ultra",
        "unknown quality tier");
    assertOneLine(
        "routes:\n  pro:\n    cinema: []\n",
        List.of(LOCAL),
        "routes.pro.cinema",
        "unknown channel");
    assertOneLine(
        "routes:\n  pro:\n    standard:\n      - provider: ark\n",
        List.of(LOCAL, ARK),
        "routes.pro.standard[0]",
        "has no model");
    assertOneLine(
        "routes:\n  pro:\n    standard:\n      - provider: ark\n        model: m\n        weight: 2\n",
        List.of(LOCAL, ARK),
        "unknown key 'weight'",
        "routes.pro.standard[0]");
    assertOneLine("tiers: {}\n", List.of(LOCAL), "unknown key 'tiers'", "");
    assertOneLine(
        "routes:\n  pro:\n    standard:\n      - provider: seedream\n        model: m\n",
        List.of(LOCAL),
        "'seedream'",
        "not configured");
    assertThatThrownBy(() -> providers(List.of(LOCAL), dir.resolve("missing.yaml").toString()))
        .isInstanceOf(RoutingException.class)
        .hasMessageContaining("missing.yaml")
        .hasMessageContaining("cannot be read");
  }

  @Test
  void aRouteGivingAChannelToAProviderWithoutItStopsStartUp() throws IOException {
    String file =
        file("routes:\n  pro:\n    wild:\n      - provider: fal\n        model: bytedance/x\n");

    assertThatThrownBy(() -> providers(List.of(LOCAL, new StandardOnly("fal")), file))
        .isInstanceOf(RoutingException.class)
        .hasMessageContaining("routes.pro.wild[0]")
        .hasMessageContaining("has no wild channel");
  }

  private void assertOneLine(String yaml, List<VideoProvider> configured, String... parts)
      throws IOException {
    String file = file(yaml);
    var thrown = assertThatThrownBy(() -> providers(configured, file));
    thrown.isInstanceOf(RoutingException.class).hasMessageNotContaining("\n");
    for (String part : parts) {
      thrown.hasMessageContaining(part);
    }
  }

  @Test
  void aProviderRestsAfterOurAccountProblemOrAThrottleAndComesBackByItself() {
    clock.freeze();
    var providers = providers(List.of(LOCAL, ARK, FAL), null);

    providers.rest("ark", ProviderException.Kind.ACCOUNT, null);
    assertThat(steps(providers.available("pro", "standard")))
        .containsExactly("fal:bytedance/seedance-2.0");
    assertThat(providers.busy("pro", "standard")).isEmpty();

    providers.rest("fal", ProviderException.Kind.THROTTLED, null);
    assertThat(providers.available("pro", "standard")).isEmpty();
    // A throttle is waited out in the queue: new submits are still accepted.
    assertThat(providers.busy("pro", "standard")).isEmpty();

    clock.advance(Duration.ofSeconds(31));
    assertThat(steps(providers.available("pro", "standard")))
        .containsExactly("fal:bytedance/seedance-2.0");
    clock.advance(Duration.ofMinutes(5));
    assertThat(providers.available("pro", "standard")).hasSize(2);
  }

  @Test
  void submitsAreRefusedOnlyWhileEveryProviderOnTheRouteRefusedOurAccount() {
    clock.freeze();
    var providers = providers(List.of(LOCAL, ARK, FAL), null);
    providers.rest("ark", ProviderException.Kind.ACCOUNT, null);
    clock.advance(Duration.ofMinutes(1));
    providers.rest("fal", ProviderException.Kind.ACCOUNT, null);

    var busy = providers.busy("pro", "standard").orElseThrow();

    // Ark, rested a minute earlier, is the first back.
    assertThat(busy.retryAfter()).isEqualTo(Duration.ofMinutes(4));
    clock.advance(Duration.ofMinutes(4));
    assertThat(providers.busy("pro", "standard")).isEmpty();
  }

  @Test
  void failuresThatSayNothingAboutTheNextTaskDoNotRestAProvider() {
    var providers = providers(List.of(LOCAL, ARK), null);

    providers.rest("ark", ProviderException.Kind.REJECTED, null);
    providers.rest("ark", ProviderException.Kind.UPSTREAM_ERROR, null);
    providers.rest("ark", ProviderException.Kind.AMBIGUOUS, null);

    assertThat(providers.available("pro", "standard")).hasSize(1);
    assertThat(providers.local()).isSameAs(LOCAL);
    assertThat(providers.named("ark")).isSameAs(ARK);
  }
}
