package seedance.provider.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptTextTest {

  @Test
  void wordsWrapToTheLineLength() {
    assertThat(PromptText.wrap("a red fox runs through deep snow", 12, 5))
        .containsExactly("a red fox", "runs through", "deep snow");
  }

  @Test
  void lineBreaksTabsAndControlCharactersBecomeSpaces() {
    assertThat(PromptText.wrap(" one\ntwo\t\tthree\u0007four ", 40, 5))
        .containsExactly("one two three four");
  }

  @Test
  void aWordLongerThanALineIsCut() {
    assertThat(PromptText.wrap("abcdefghijkl xy", 5, 5)).containsExactly("abcde", "fghij", "kl xy");
  }

  @Test
  void textPastTheLastLineEndsInAnEllipsis() {
    assertThat(PromptText.wrap("one two three four five six", 9, 2))
        .containsExactly("one two", "three…");
  }

  @Test
  void aBlankPromptDrawsNothing() {
    assertThat(PromptText.layout("  \n ", 1280, 720).isBlank()).isTrue();
    assertThat(PromptText.layout("", 1280, 720).text()).isEmpty();
  }

  @Test
  void codePointsOutsideTheBasicPlaneAreNotSplit() {
    assertThat(PromptText.wrap("😀😀😀😀", 3, 5)).containsExactly("😀😀😀", "😀");
  }

  @Test
  void theFontFollowsTheShorterSideSoPortraitAndLandscapeMatch() {
    var landscape = PromptText.layout("words", 1920, 1080);
    var portrait = PromptText.layout("words", 1080, 1920);

    assertThat(landscape.fontSize()).isEqualTo(portrait.fontSize()).isEqualTo(77);
  }
}
