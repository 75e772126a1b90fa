package seedance.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static seedance.video.SubmitChecks.body;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import seedance.testing.ApiTest;

/**
 * Every field rule of POST /api/v1/video/seedance2, both sides of each boundary. The JSON syntax,
 * body and header rules are in {@link SubmitRequestFormatTest}.
 */
class SubmitValidationTest extends ApiTest {

  private static final String IMAGE = "https://media.example.com/start.png";

  private SubmitChecks checks() {
    return new SubmitChecks(api());
  }

  static Stream<Arguments> refusedBodies() {
    return Stream.of(
        // prompt
        arguments("{\"duration\":\"5\"}", "prompt", "prompt is required"),
        arguments(body("prompt", 12345), "prompt", "prompt must be a string"),
        arguments(body("prompt", null), "prompt", "prompt"),
        arguments(body("prompt", List.of("abc")), "prompt", "prompt"),
        arguments(body("prompt", "ab"), "prompt", "prompt"),
        arguments(body("prompt", "😀😀"), "prompt", "prompt"),
        // text no database stores faithfully: NUL, and an unpaired surrogate sent as an escape
        arguments("{\"prompt\":\"a red fox\\u0000\"}", "prompt", "NUL"),
        arguments("{\"prompt\":\"a red fox \\uD800\"}", "prompt", "Unicode"),
        // duration: exactly the strings "4" to "15"
        arguments(body("duration", "3"), "duration", "duration"),
        arguments(body("duration", "16"), "duration", "duration"),
        arguments(body("duration", "5.0"), "duration", "duration"),
        arguments(body("duration", " 5"), "duration", "duration"),
        arguments(body("duration", "5 "), "duration", "duration"),
        arguments(body("duration", "05"), "duration", "duration"),
        arguments(body("duration", "+5"), "duration", "duration"),
        arguments(body("duration", ""), "duration", "duration"),
        arguments(body("duration", 5), "duration", "duration"),
        arguments(body("duration", null), "duration", "duration"),
        // enums are exact and case-sensitive
        arguments(body("mode", "Text-to-video"), "mode", "mode"),
        arguments(body("mode", "text_to_video"), "mode", "mode"),
        arguments(body("quality_tier", "Pro"), "quality_tier", "quality_tier"),
        arguments(body("quality_tier", "STANDARD"), "quality_tier", "quality_tier"),
        arguments(body("channel", "Wild"), "channel", "channel"),
        arguments(body("channel", "REAL"), "channel", "channel"),
        arguments(body("aspect_ratio", "Adaptive"), "aspect_ratio", "aspect_ratio"),
        arguments(body("aspect_ratio", "16/9"), "aspect_ratio", "aspect_ratio"),
        arguments(body("resolution", "720P"), "resolution", "resolution"),
        arguments(body("resolution", "4K", "quality_tier", "pro"), "resolution", "resolution"),
        arguments(body("quality_tier", 1), "quality_tier", "quality_tier"),
        arguments(body("channel", null), "channel", "channel"),
        // 1080p-plus and 4k only on pro
        arguments(body("resolution", "1080p-plus"), "resolution", "pro"),
        arguments(body("resolution", "4k"), "resolution", "pro"),
        arguments(
            body("resolution", "1080p-plus", "quality_tier", "standard"), "resolution", "pro"),
        arguments(body("resolution", "4k", "quality_tier", "mini"), "resolution", "pro"),
        // seed: a JSON integer from -1 to 4294967295, not on real or mini
        arguments(body("seed", -2), "seed", "seed"),
        arguments(body("seed", 4_294_967_296L), "seed", "seed"),
        arguments(body("seed", new BigInteger("18446744073709551616")), "seed", "seed"),
        arguments(body("seed", 1.5), "seed", "seed"),
        arguments("{\"prompt\":\"a red fox\",\"seed\":5.0}", "seed", "seed"),
        arguments("{\"prompt\":\"a red fox\",\"seed\":1e3}", "seed", "seed"),
        arguments(body("seed", "5"), "seed", "seed"),
        arguments(body("seed", null), "seed", "seed"),
        arguments(body("seed", 42, "channel", "real"), "seed", "real"),
        arguments(body("seed", 42, "quality_tier", "mini"), "seed", "mini"),
        arguments(body("seed", -1, "channel", "real"), "seed", "real"),
        // booleans only as JSON true/false
        arguments(body("generate_audio", 1), "generate_audio", "generate_audio"),
        arguments(body("generate_audio", "yes"), "generate_audio", "generate_audio"),
        arguments(body("generate_audio", "true"), "generate_audio", "generate_audio"),
        arguments(body("generate_audio", null), "generate_audio", "generate_audio"),
        arguments(body("fixed_lens", 1), "fixed_lens", "fixed_lens"),
        arguments(body("fixed_lens", "yes"), "fixed_lens", "fixed_lens"),
        arguments(body("fixed_lens", 0), "fixed_lens", "fixed_lens"),
        // modes and their URLs
        arguments(body("mode", "image-to-video"), "image_url", "image_url"),
        arguments(body("image_url", IMAGE), "image_url", "image_url"),
        arguments(body("end_image_url", IMAGE), "end_image_url", "end_image_url"),
        arguments(body("media_urls", List.of(IMAGE)), "media_urls", "media_urls"),
        arguments(
            body("mode", "image-to-video", "image_url", IMAGE, "media_urls", List.of(IMAGE)),
            "media_urls",
            "media_urls"),
        arguments(body("mode", "media-to-video"), "media_urls", "media_urls"),
        arguments(body("mode", "media-to-video", "media_urls", List.of()), "media_urls", "12"),
        arguments(body("mode", "media-to-video", "media_urls", urls(13)), "media_urls", "12"),
        arguments(
            body("mode", "media-to-video", "media_urls", List.of(IMAGE, 5)),
            "media_urls",
            "media_urls"),
        arguments(
            body("mode", "media-to-video", "media_urls", Collections.singletonList(null)),
            "media_urls",
            "media_urls"),
        arguments(body("mode", "media-to-video", "media_urls", IMAGE), "media_urls", "media_urls"),
        arguments(
            body("mode", "media-to-video", "media_urls", urls(1), "image_url", IMAGE),
            "image_url",
            "image_url"),
        arguments(body("mode", "image-to-video", "image_url", 5), "image_url", "image_url"),
        // media URLs go through the URL policy and name the exact item
        arguments(
            body("mode", "image-to-video", "image_url", "https://169.254.169.254/latest/meta-data"),
            "image_url",
            "image_url"),
        arguments(
            body("mode", "image-to-video", "image_url", "http://media.example.com/a.png"),
            "image_url",
            "image_url"),
        arguments(
            body(
                "mode",
                "image-to-video",
                "image_url",
                IMAGE,
                "end_image_url",
                "https://[::ffff:127.0.0.1]/end.png"),
            "end_image_url",
            "end_image_url"),
        arguments(
            body(
                "mode",
                "media-to-video",
                "media_urls",
                List.of(IMAGE, IMAGE, "https://2130706433/x.mp4")),
            "media_urls[2]",
            "media_urls[2]"),
        // unknown fields, including ones that look like ours
        arguments(body("colour", "red"), "colour", "unsupported field: colour"),
        arguments(body("zebra", 1, "colour", "red"), "colour", "unsupported field: colour"),
        arguments("{\"Prompt\":\"a red fox\"}", "Prompt", "unsupported field: Prompt"),
        arguments(body("model", "seedance2"), "model", "unsupported field: model"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedBodies")
  void refusesEveryBreachOfTheContractWithoutChargingOrBurningTheKey(
      String body, String param, String messagePart) {
    checks().refused(body, param, messagePart);
  }

  @Test
  void namesTheUnknownFieldExactly() {
    var refused = checks().refused(body("colour", "red"), "colour", "colour");

    assertThat(refused.errorMessage()).isEqualTo("unsupported field: colour");
  }

  @Test
  void countsThePromptInCodePointsFromThreeToTenThousand() {
    checks().accepted(body("prompt", "abc"), 30);
    checks().accepted(body("prompt", "😀😀😀"), 30);
    checks().accepted(body("prompt", "a".repeat(10_000)), 30);
    checks().refused(body("prompt", "a".repeat(10_001)), "prompt", "prompt");
  }

  @Test
  void acceptsTenThousandEmojiSentAsRawUtf8() {
    String body = body("prompt", "😀".repeat(10_000));
    assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(40_000);

    checks().accepted(body, 30);
    checks().refused(body("prompt", "😀".repeat(10_001)), "prompt", "prompt");
  }

  @Test
  void acceptsTenThousandEmojiSentAsEscapedSurrogatePairs() {
    String escaped = "{\"prompt\":\"" + "\\uD83D\\uDE00".repeat(10_000) + "\"}";
    assertThat(escaped.length()).isGreaterThan(120_000);

    checks().accepted(escaped, 30);
    String tooLong = "{\"prompt\":\"" + "\\uD83D\\uDE00".repeat(10_001) + "\"}";
    checks().refused(tooLong, "prompt", "prompt");
  }

  @ParameterizedTest(name = "duration {0} costs {1}")
  @CsvSource({"4, 24", "5, 30", "9, 54", "10, 60", "15, 90"})
  void acceptsEveryDurationFromFourToFifteenSeconds(String duration, long credits) {
    checks().accepted(body("duration", duration), credits);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "mode, text-to-video",
    "quality_tier, mini",
    "quality_tier, standard",
    "quality_tier, pro",
    "channel, standard",
    "channel, real",
    "channel, wild",
    "aspect_ratio, 1:1",
    "aspect_ratio, 21:9",
    "aspect_ratio, 4:3",
    "aspect_ratio, 3:4",
    "aspect_ratio, 16:9",
    "aspect_ratio, 9:16",
    "aspect_ratio, adaptive",
    "resolution, 720p",
    "resolution, 1080p",
  })
  void acceptsEveryEnumValue(String field, String value) {
    var accepted = checks().accepted(body(field, value), priceOf(field, value));

    if (field.equals("quality_tier") || field.equals("channel")) {
      assertThat(accepted.json().path(field).asString()).isEqualTo(value);
    }
  }

  @Test
  void acceptsImageToVideoWithAStartFrameAndOptionalEndFrame() {
    checks().accepted(body("mode", "image-to-video", "image_url", IMAGE), 30);
    checks()
        .accepted(
            body(
                "mode",
                "image-to-video",
                "image_url",
                IMAGE,
                "end_image_url",
                "https://media.example.com/end.png"),
            30);
  }

  @Test
  void acceptsMediaToVideoWithOneToTwelveUrls() {
    checks().accepted(body("mode", "media-to-video", "media_urls", urls(1)), 30);
    checks().accepted(body("mode", "media-to-video", "media_urls", urls(12)), 30);
  }

  @Test
  void acceptsTheProOnlyResolutionsOnPro() {
    checks().accepted(body("quality_tier", "pro", "resolution", "1080p-plus"), 28 * 5);
    checks().accepted(body("quality_tier", "pro", "resolution", "4k"), 39 * 5);
  }

  @ParameterizedTest(name = "seed {0}")
  @CsvSource({"-1", "0", "1", "4294967295"})
  void acceptsEverySeedFromMinusOneToTheLargestUnsigned32BitValue(long seed) {
    checks().accepted(body("seed", seed), 30);
    checks().accepted(body("seed", seed, "quality_tier", "pro", "channel", "wild"), 50);
  }

  @Test
  void acceptsBooleansOnlyAsJsonTrueAndFalse() {
    checks().accepted(body("generate_audio", true, "fixed_lens", false), 30);
    checks().accepted(body("generate_audio", false, "fixed_lens", true), 30);
  }

  @ParameterizedTest(name = "{0} {1} {2} {3}s on {4} costs {5}")
  @CsvSource({
    "text-to-video, standard, 720p, 5, standard, 30",
    "text-to-video, pro, 4k, 15, standard, 585",
    "text-to-video, standard, 720p, 5, wild, 38",
    "text-to-video, mini, 720p, 4, wild, 20",
    "text-to-video, pro, 1080p, 7, wild, 167",
    "text-to-video, pro, 4k, 15, wild, 732",
    "text-to-video, standard, 1080p, 10, real, 150",
    "text-to-video, mini, 1080p, 15, standard, 135",
    "image-to-video, pro, 1080p-plus, 4, standard, 112",
  })
  void chargesThePriceFromThePriceTable(
      String mode, String tier, String resolution, String duration, String channel, long price) {
    var pairs =
        new ArrayList<Object>(
            List.of(
                "quality_tier",
                tier,
                "resolution",
                resolution,
                "duration",
                duration,
                "channel",
                channel));
    if (mode.equals("image-to-video")) {
      pairs.addAll(List.of("mode", mode, "image_url", IMAGE));
    }

    var accepted = checks().accepted(body(pairs.toArray()), price);

    assertThat(accepted.json().path("quality_tier").asString()).isEqualTo(tier);
    assertThat(accepted.json().path("channel").asString()).isEqualTo(channel);
    assertThat(accepted.json().path("model").asString()).isEqualTo("seedance2");
  }

  /** Default body (standard, 720p, 5 s, standard channel) with one field changed. */
  private static long priceOf(String field, String value) {
    return switch (field + "=" + value) {
      case "quality_tier=mini" -> 4 * 5;
      case "quality_tier=pro" -> 8 * 5;
      case "channel=wild" -> 38; // 30 x 1.25 = 37.5, rounded up
      case "resolution=1080p" -> 15 * 5;
      default -> 30;
    };
  }

  private static List<String> urls(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> "https://media.example.com/ref-" + i + ".png")
        .toList();
  }
}
