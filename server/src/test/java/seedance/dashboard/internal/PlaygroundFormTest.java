package seedance.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaygroundFormTest {

  @Test
  void defaultsAreTheContractsAndMakeTheSmallestBody() {
    var form = PlaygroundForm.defaults("playground-1");
    assertThat(form.value("duration")).isEqualTo("5");
    assertThat(form.checked("generate_audio")).isTrue();
    assertThat(form.checked("fixed_lens")).isFalse();
    assertThat(form.body().node().toString())
        .isEqualTo(
            "{\"mode\":\"text-to-video\",\"quality_tier\":\"standard\",\"channel\":\"standard\","
                + "\"prompt\":\"\",\"aspect_ratio\":\"16:9\",\"duration\":\"5\","
                + "\"resolution\":\"720p\",\"generate_audio\":true,\"fixed_lens\":false}");
  }

  @Test
  void readsHtmlFormsTheWayAUserMeansThem() {
    var form =
        PlaygroundForm.submitted(
            Map.of(
                "mode", "media-to-video",
                "prompt", "line one\r\nline two",
                "image_url", "  ",
                "media_urls", "https://a.example.com/1.png\r\n\r\n https://a.example.com/2.mp4 ",
                "fixed_lens", "on",
                "seed", "4294967295"));

    var body = form.body().node();
    assertThat(body.path("prompt").asString()).isEqualTo("line one\nline two");
    assertThat(body.has("image_url")).isFalse();
    assertThat(body.path("media_urls").toString())
        .isEqualTo("[\"https://a.example.com/1.png\",\"https://a.example.com/2.mp4\"]");
    // Unchecked boxes are not sent by browsers at all.
    assertThat(body.path("generate_audio").asBoolean()).isFalse();
    assertThat(body.path("fixed_lens").asBoolean()).isTrue();
    assertThat(body.path("seed").isIntegralNumber()).isTrue();
    assertThat(body.path("seed").asLong()).isEqualTo(4294967295L);
  }

  @Test
  void aSeedThatIsNoNumberIsLeftForTheApiToRefuse() {
    var body = PlaygroundForm.submitted(Map.of("seed", "twelve")).body().node();
    assertThat(body.path("seed").isString()).isTrue();
  }
}
