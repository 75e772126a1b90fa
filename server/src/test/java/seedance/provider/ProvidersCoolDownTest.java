package seedance.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import seedance.provider.ProviderException.Kind;
import seedance.testing.MutableClock;

/**
 * How long a provider rests: as long as the upstream's Retry-After asked (at least 1 s, at most 5
 * min), else the configured cool-down of its kind; and each rest counted for the operator.
 */
class ProvidersCoolDownTest {

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

  private final MutableClock clock = new MutableClock();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  private Providers providers(Duration account, Duration throttle) {
    return new Providers(
        List.of(new Named("local"), new Named("ark"), new Named("fal")),
        new RoutingSettings(null, account, throttle),
        clock,
        "",
        metrics);
  }

  private Providers providers() {
    return providers(Duration.ofMinutes(5), Duration.ofSeconds(30));
  }

  private boolean arkRests(Providers providers) {
    return providers.available("pro", "standard").stream().noneMatch(r -> r.name().equals("ark"));
  }

  @Test
  void aThrottleWithRetryAfterRestsThatLongInsteadOfTheConfiguredThirtySeconds() {
    clock.freeze();
    var providers = providers();

    providers.rest("ark", Kind.THROTTLED, Duration.ofSeconds(7));

    clock.advance(Duration.ofMillis(6_999));
    assertThat(arkRests(providers)).isTrue();
    clock.advance(Duration.ofMillis(1));
    assertThat(arkRests(providers)).isFalse();
  }

  @Test
  void aRetryAfterLongerThanTheCoolDownIsHonouredUpToFiveMinutes() {
    clock.freeze();
    var providers = providers();

    providers.rest("ark", Kind.THROTTLED, Duration.ofMinutes(2));
    clock.advance(Duration.ofSeconds(119));
    assertThat(arkRests(providers)).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(arkRests(providers)).isFalse();

    providers.rest("ark", Kind.THROTTLED, Duration.ofHours(3));
    clock.advance(Duration.ofMinutes(5).minusMillis(1));
    assertThat(arkRests(providers)).isTrue();
    clock.advance(Duration.ofMillis(1));
    assertThat(arkRests(providers)).isFalse();
  }

  @Test
  void aRetryAfterOfZeroStillRestsOneSecond() {
    clock.freeze();
    var providers = providers();

    providers.rest("ark", Kind.THROTTLED, Duration.ZERO);

    clock.advance(Duration.ofMillis(999));
    assertThat(arkRests(providers)).isTrue();
    clock.advance(Duration.ofMillis(1));
    assertThat(arkRests(providers)).isFalse();
  }

  @Test
  void anAccountRefusalWithRetryAfterRefusesSubmitsOnlyThatLong() {
    clock.freeze();
    var providers = providers();

    providers.rest("ark", Kind.ACCOUNT, Duration.ofSeconds(40));
    providers.rest("fal", Kind.ACCOUNT, null);

    // Ark, asking for 40 s, comes back long before fal's configured five minutes.
    assertThat(providers.busy("pro", "standard").orElseThrow().retryAfter())
        .isEqualTo(Duration.ofSeconds(40));
    clock.advance(Duration.ofSeconds(40));
    assertThat(providers.busy("pro", "standard")).isEmpty();
    assertThat(arkRests(providers)).isFalse();
  }

  @Test
  void withoutRetryAfterTheConfiguredCoolDownApplies() {
    clock.freeze();
    var providers = providers();

    providers.rest("ark", Kind.THROTTLED, null);

    clock.advance(Duration.ofSeconds(29));
    assertThat(arkRests(providers)).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(arkRests(providers)).isFalse();
  }

  @Test
  void aCoolDownConfiguredAsZeroTurnsRestsOffEvenWithRetryAfter() {
    var providers = providers(Duration.ZERO, Duration.ZERO);

    providers.rest("ark", Kind.THROTTLED, Duration.ofSeconds(30));
    providers.rest("ark", Kind.ACCOUNT, Duration.ofSeconds(30));

    assertThat(arkRests(providers)).isFalse();
    assertThat(metrics.find("seedance.upstream.cool_downs").counters()).isEmpty();
  }

  @Test
  void eachRestIsCountedByProviderAndKindAndTheRestingOnesAreGauged() {
    clock.freeze();
    var providers = providers();

    providers.rest("ark", Kind.THROTTLED, Duration.ofSeconds(10));
    providers.rest("ark", Kind.THROTTLED, null);
    providers.rest("fal", Kind.ACCOUNT, null);
    providers.rest("ark", Kind.UPSTREAM_ERROR, null);
    providers.rest("local", Kind.THROTTLED, null);

    assertThat(count("ark", "throttled")).isEqualTo(2);
    assertThat(count("fal", "account")).isEqualTo(1);
    assertThat(metrics.find("seedance.upstream.cool_downs").counters()).hasSize(2);
    assertThat(resting()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(30));
    assertThat(resting()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(5));
    assertThat(resting()).isZero();
  }

  private double count(String provider, String kind) {
    return metrics
        .get("seedance.upstream.cool_downs")
        .tags("provider", provider, "kind", kind)
        .counter()
        .count();
  }

  private double resting() {
    return metrics.get("seedance.upstream.resting").gauge().value();
  }
}
