package seedance.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R-SSRF-9: the loosened test fetcher only exists on a server that listens on loopback alone. */
class TestHooksGuardTest {

  private static final TestHookSettings HOOKS =
      new TestHookSettings(
          true, Map.of("media.test", "127.0.0.2"), List.of("127.0.0.2/32"), null, "", 0);

  @Test
  void testHooksRefuseToStartOnAnUnboundOrPublicAddress() {
    var configuration = new MediaConfiguration();

    assertThatThrownBy(() -> configuration.safeFetcher(HOOKS, ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("loopback");
    assertThatThrownBy(() -> configuration.safeFetcher(HOOKS, "0.0.0.0"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void testHooksStartOnLoopback() throws Exception {
    assertThat(new MediaConfiguration().safeFetcher(HOOKS, "127.0.0.1")).isNotNull();
  }
}
