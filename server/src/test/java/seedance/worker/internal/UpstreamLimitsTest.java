package seedance.worker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The in-flight cap counts creates under way as well as the tasks the database knows. */
class UpstreamLimitsTest {

  private final UpstreamLimits limits =
      new UpstreamLimits(new MockEnvironment().withProperty("seedance.ark.max-in-flight", "2"));

  @Test
  void concurrentCreatesNeverTakeMoreSlotsThanTheCapLeaves() throws Exception {
    var start = new CountDownLatch(1);
    List<Future<Boolean>> takes = new ArrayList<>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 16; i++) {
        takes.add(
            threads.submit(
                () -> {
                  start.await();
                  // The database knows of one task in flight; none of these creates is recorded.
                  return limits.reserve("ark", () -> 1);
                }));
      }
      start.countDown();
    }
    long taken = 0;
    for (var take : takes) {
      taken += take.get() ? 1 : 0;
    }

    assertThat(taken).isEqualTo(1);
  }

  @Test
  void aReleasedSlotIsFreeAgainAndOtherProvidersHaveTheirOwn() {
    assertThat(limits.reserve("ark", () -> 0)).isTrue();
    assertThat(limits.reserve("ark", () -> 0)).isTrue();
    assertThat(limits.reserve("ark", () -> 0)).isFalse();
    assertThat(limits.reserve("fal", () -> 0)).isTrue();

    limits.release("ark");

    assertThat(limits.reserve("ark", () -> 0)).isTrue();
    // Once recorded, the creates are the database's to count.
    limits.release("ark");
    limits.release("ark");
    assertThat(limits.reserve("ark", () -> 2)).isFalse();
    assertThat(limits.reserve("ark", () -> 1)).isTrue();
  }

  @Test
  void aTaskThatFoundEveryProviderFullPausesTheClaimingOfCreatesForAWhile() {
    assertThat(limits.createsPaused()).isFalse();

    limits.pauseCreates(java.time.Duration.ofMinutes(1));
    assertThat(limits.createsPaused()).isTrue();

    limits.pauseCreates(java.time.Duration.ZERO);
    assertThat(limits.createsPaused()).isFalse();
  }
}
