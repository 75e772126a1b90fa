package seedance.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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

  private static final Named LOCAL = new Named("local");
  private static final Named ARK = new Named("ark");
  private static final Named FAL = new Named("fal");

  @Test
  void withoutUpstreamsEverythingRunsLocally() {
    var providers = new Providers(List.of(LOCAL), new RoutingSettings(Map.of()));

    assertThat(providers.route("pro")).containsExactly(LOCAL);
  }

  @Test
  void configuredUpstreamsServeUnroutedTiersInTheDocumentedOrderAndNeverFallBackToLocal() {
    var providers = new Providers(List.of(LOCAL, FAL, ARK), new RoutingSettings(Map.of()));

    assertThat(providers.route("standard")).containsExactly(ARK, FAL);
  }

  @Test
  void anExplicitRouteIsFollowedInItsOrder() {
    var providers =
        new Providers(
            List.of(LOCAL, ARK, FAL),
            new RoutingSettings(Map.of("mini", List.of("fal", " local"))));

    assertThat(providers.route("mini")).containsExactly(FAL, LOCAL);
    assertThat(providers.route("pro")).containsExactly(ARK, FAL);
    assertThat(providers.named("ark")).isSameAs(ARK);
  }

  @Test
  void aRouteNamingAnUnconfiguredProviderStopsStartUpSayingWhich() {
    assertThatThrownBy(
            () ->
                new Providers(
                    List.of(LOCAL, ARK), new RoutingSettings(Map.of("pro", List.of("ark", "fal")))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("seedance.routing.tiers.pro")
        .hasMessageContaining("'fal'")
        .hasMessageContaining("SEEDANCE_FAL_KEY");
  }
}
