package seedance.worker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The poll and retry schedules, and the per-provider request rate. */
class PollScheduleTest {

  private final WorkerSettings settings =
      new WorkerSettings(
          true,
          2,
          16,
          64,
          Duration.ofSeconds(60),
          Duration.ofSeconds(15),
          Duration.ofSeconds(1),
          3,
          Duration.ofSeconds(20),
          Duration.ofSeconds(1),
          Duration.ofSeconds(15),
          Duration.ofSeconds(60),
          Duration.ofSeconds(10));

  @Test
  void pollsBackOffFromOneSecondToTheCapAndHonourALongerRetryAfter() {
    assertThat(settings.pollDelay(0, false, null)).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.pollDelay(1, false, null)).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.pollDelay(3, false, null)).isEqualTo(Duration.ofSeconds(8));
    assertThat(settings.pollDelay(4, false, null)).isEqualTo(Duration.ofSeconds(15));
    assertThat(settings.pollDelay(40, false, null)).isEqualTo(Duration.ofSeconds(15));
    assertThat(settings.pollDelay(0, false, Duration.ofSeconds(30)))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.pollDelay(4, false, Duration.ofSeconds(2)))
        .isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void withCallbacksPollingIsOnlyASafetyNet() {
    assertThat(settings.pollDelay(0, true, null)).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.pollDelay(7, true, null)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void submitRetriesDoubleUpToFiveMinutes() {
    assertThat(settings.retryDelay(0, null)).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.retryDelay(1, null)).isEqualTo(Duration.ofSeconds(20));
    assertThat(settings.retryDelay(3, null)).isEqualTo(Duration.ofSeconds(80));
    assertThat(settings.retryDelay(9, null)).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.retryDelay(0, Duration.ofSeconds(45))).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void theRateAllowsASecondsBurstThenSpacesRequestsEvenly() {
    var rate = new UpstreamLimits.Rate(10);
    long now = System.nanoTime();
    for (int i = 0; i < 10; i++) {
      assertThat(rate.reserve(now)).isLessThanOrEqualTo(0);
    }
    long wait = rate.reserve(now);
    assertThat(wait).isBetween(0L, 100_000_000L);
    assertThat(rate.reserve(now)).isGreaterThan(wait);
  }

  @Test
  void aRateOfZeroIsNoCap() {
    var rate = new UpstreamLimits.Rate(0);
    long now = System.nanoTime();
    for (int i = 0; i < 1000; i++) {
      assertThat(rate.reserve(now)).isLessThanOrEqualTo(0);
    }
  }
}
