package seedance.provider.internal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DimensionsTest {

  @Test
  void everyResolutionAndRatioIsEvenAndKeepsItsRatio() {
    for (String resolution : Dimensions.RESOLUTIONS) {
      for (String ratio : Dimensions.ASPECT_RATIOS) {
        var size = Dimensions.of(resolution, ratio, null);
        String combination = resolution + " " + ratio;

        assertThat(size.width() % 2).as(combination).isZero();
        assertThat(size.height() % 2).as(combination).isZero();
        assertThat((double) size.width() / size.height())
            .as(combination)
            .isCloseTo(value(ratio), within(value(ratio) * 0.01));
      }
    }
  }

  @Test
  void sevenTwentyAndTenEightyAreArksOwnSizes() {
    var p720 =
        Map.of(
            "16:9", new Dimensions(1280, 720),
            "4:3", new Dimensions(1112, 834),
            "1:1", new Dimensions(960, 960),
            "3:4", new Dimensions(834, 1112),
            "9:16", new Dimensions(720, 1280),
            "21:9", new Dimensions(1470, 630));
    var p1080 =
        Map.of(
            "16:9", new Dimensions(1920, 1080),
            "4:3", new Dimensions(1664, 1248),
            "1:1", new Dimensions(1440, 1440),
            "3:4", new Dimensions(1248, 1664),
            "9:16", new Dimensions(1080, 1920),
            "21:9", new Dimensions(2206, 946));

    p720.forEach((ratio, size) -> assertThat(Dimensions.of("720p", ratio, null)).isEqualTo(size));
    p1080.forEach((ratio, size) -> assertThat(Dimensions.of("1080p", ratio, null)).isEqualTo(size));
  }

  @Test
  void tenEightyPlusIsTheTenEightyRowScaledByFourThirds() {
    assertThat(Dimensions.of("1080p-plus", "16:9", null)).isEqualTo(new Dimensions(2560, 1440));
    assertThat(Dimensions.of("1080p-plus", "9:16", null)).isEqualTo(new Dimensions(1440, 2560));
    assertThat(Dimensions.of("1080p-plus", "1:1", null)).isEqualTo(new Dimensions(1920, 1920));
    assertThat(Dimensions.of("1080p-plus", "4:3", null)).isEqualTo(new Dimensions(2218, 1664));
    assertThat(Dimensions.of("1080p-plus", "3:4", null)).isEqualTo(new Dimensions(1664, 2218));
    assertThat(Dimensions.of("1080p-plus", "21:9", null)).isEqualTo(new Dimensions(2942, 1262));
  }

  @Test
  void fourKIsTheTenEightyRowDoubled() {
    assertThat(Dimensions.of("4k", "16:9", null)).isEqualTo(new Dimensions(3840, 2160));
    assertThat(Dimensions.of("4k", "9:16", null)).isEqualTo(new Dimensions(2160, 3840));
    assertThat(Dimensions.of("4k", "1:1", null)).isEqualTo(new Dimensions(2880, 2880));
    assertThat(Dimensions.of("4k", "4:3", null)).isEqualTo(new Dimensions(3328, 2496));
    assertThat(Dimensions.of("4k", "3:4", null)).isEqualTo(new Dimensions(2496, 3328));
    assertThat(Dimensions.of("4k", "21:9", null)).isEqualTo(new Dimensions(4412, 1892));
  }

  @Test
  void adaptiveWithoutAnImageIsSixteenByNine() {
    assertThat(Dimensions.of("720p", "adaptive", null)).isEqualTo(new Dimensions(1280, 720));
    assertThat(Dimensions.of("4k", "adaptive", null)).isEqualTo(new Dimensions(3840, 2160));
    assertThat(Dimensions.resolvedRatio("adaptive", null)).isEqualTo("16:9");
  }

  @Test
  void adaptiveTakesTheListedRatioNearestTheImage() {
    assertThat(Dimensions.resolvedRatio("adaptive", 1.0)).isEqualTo("1:1");
    assertThat(Dimensions.resolvedRatio("adaptive", 1.05)).isEqualTo("1:1");
    assertThat(Dimensions.resolvedRatio("adaptive", 1.5)).isEqualTo("4:3");
    assertThat(Dimensions.resolvedRatio("adaptive", 1.7)).isEqualTo("16:9");
    assertThat(Dimensions.resolvedRatio("adaptive", 4.0)).isEqualTo("21:9");
    assertThat(Dimensions.resolvedRatio("adaptive", 0.7)).isEqualTo("3:4");
    assertThat(Dimensions.resolvedRatio("adaptive", 0.5)).isEqualTo("9:16");
    assertThat(Dimensions.resolvedRatio("adaptive", 0.1)).isEqualTo("9:16");
    assertThat(Dimensions.of("1080p", "adaptive", 0.55)).isEqualTo(new Dimensions(1080, 1920));
    assertThat(Dimensions.of("720p", "adaptive", 1.0)).isEqualTo(new Dimensions(960, 960));
  }

  @Test
  void adaptiveComparesRatiosOnALogScale() {
    // 2.045 lies nearer 16:9 (1.778) than 21:9 (2.333) by difference, but nearer 21:9 by factor.
    assertThat(Dimensions.resolvedRatio("adaptive", 2.045)).isEqualTo("21:9");
    assertThat(Dimensions.resolvedRatio("adaptive", 2.03)).isEqualTo("16:9");
  }

  @Test
  void aFixedRatioIgnoresTheImage() {
    assertThat(Dimensions.of("720p", "9:16", 2.0)).isEqualTo(new Dimensions(720, 1280));
  }

  @Test
  void unknownNamesAndImpossibleImageRatiosAreRefused() {
    assertThatThrownBy(() -> Dimensions.of("480p", "16:9", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("480p");
    assertThatThrownBy(() -> Dimensions.of(null, "16:9", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Dimensions.of("720p", "2:1", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2:1");
    assertThatThrownBy(() -> Dimensions.of("720p", "adaptive", 0.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Dimensions.of("720p", "adaptive", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Dimensions(641, 480)).isInstanceOf(IllegalArgumentException.class);
  }

  private static double value(String ratio) {
    String[] parts = ratio.split(":");
    return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
  }
}
