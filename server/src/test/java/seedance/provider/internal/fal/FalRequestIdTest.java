package seedance.provider.internal.fal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class FalRequestIdTest {

  private static final URI QUEUE = URI.create("https://queue.fal.run");

  @Test
  void theEncodedIdParsesBackAndRebuildsFalsUrls() {
    var id = FalRequestId.parse(new FalRequestId("bytedance/seedance-2.0", "abc-123").encoded());

    assertThat(id.statusUrl(QUEUE))
        .hasToString("https://queue.fal.run/bytedance/seedance-2.0/requests/abc-123/status");
    assertThat(id.resultUrl(QUEUE))
        .hasToString("https://queue.fal.run/bytedance/seedance-2.0/requests/abc-123");
    assertThat(id.cancelUrl(QUEUE))
        .hasToString("https://queue.fal.run/bytedance/seedance-2.0/requests/abc-123/cancel");
  }

  @Test
  void theAppIsReadFromTheStatusUrlUnderOurQueue() {
    var id =
        FalRequestId.fromSubmit(
            QUEUE,
            "bytedance/seedance-2.0/fast/text-to-video",
            "r1",
            "https://queue.fal.run/bytedance/seedance-2.0/fast/requests/r1/status");

    assertThat(id.app()).isEqualTo("bytedance/seedance-2.0/fast");
  }

  @Test
  void aStatusUrlOnAnotherHostIsIgnoredForFalsConvention() {
    var id =
        FalRequestId.fromSubmit(
            QUEUE,
            "bytedance/seedance-2.0/fast/text-to-video",
            "r1",
            "https://evil.example/bytedance/seedance-2.0/requests/r1/status");

    assertThat(id.app()).isEqualTo("bytedance/seedance-2.0");
  }

  @Test
  void idsThatCouldLeaveTheAppsPathAreRefused() {
    assertThatThrownBy(() -> FalRequestId.parse("bytedance/seedance-2.0|../../x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FalRequestId.parse("bytedance/seedance-2.0|a?b=c"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FalRequestId.parse("no-separator"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
