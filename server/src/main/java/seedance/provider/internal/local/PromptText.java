package seedance.provider.internal.local;

import java.util.ArrayList;
import java.util.List;

/**
 * The prompt as it is drawn: wrapped into a few lines that fit the frame, in a font sized to the
 * frame's shorter side so it reads the same on a phone-shaped and a cinema-shaped clip.
 *
 * @param lines the lines to draw, none for a blank prompt
 * @param fontSize in pixels
 * @param lineSpacing extra pixels between lines
 */
record PromptText(List<String> lines, int fontSize, int lineSpacing) {

  /** Average advance of a DejaVu Sans Bold character, as a share of the font size. */
  private static final double CHARACTER_WIDTH = 0.66;

  private static final int MAX_LINES = 5;
  private static final String ELLIPSIS = "…";

  static PromptText layout(String prompt, int width, int height) {
    int fontSize = Math.max(12, Math.round(Math.min(width, height) / 14f));
    int perLine = Math.max(8, (int) (width * 0.84 / (fontSize * CHARACTER_WIDTH)));
    int maxLines = Math.clamp((int) (height * 0.6 / (fontSize * 1.3)), 1, MAX_LINES);
    return new PromptText(wrap(prompt, perLine, maxLines), fontSize, fontSize / 4);
  }

  /** The lines joined for ffmpeg's drawtext {@code textfile}. */
  String text() {
    return String.join("\n", lines);
  }

  boolean isBlank() {
    return lines.isEmpty();
  }

  /**
   * Greedy word wrap counting code points. Line breaks and control characters in the prompt become
   * spaces (drawtext would draw them as boxes); a word longer than a line is cut; text past the
   * last line is dropped and the last line ends with an ellipsis.
   */
  static List<String> wrap(String prompt, int perLine, int maxLines) {
    var words = new ArrayList<String>();
    for (String word : clean(prompt).split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      while (length(word) > perLine) {
        int cut = word.offsetByCodePoints(0, perLine);
        words.add(word.substring(0, cut));
        word = word.substring(cut);
      }
      words.add(word);
    }
    var lines = new ArrayList<String>();
    var line = new StringBuilder();
    int index = 0;
    for (; index < words.size(); index++) {
      String word = words.get(index);
      int needed = line.isEmpty() ? length(word) : length(line) + 1 + length(word);
      if (needed <= perLine) {
        line.append(line.isEmpty() ? "" : " ").append(word);
        continue;
      }
      lines.add(line.toString());
      line.setLength(0);
      if (lines.size() == maxLines) {
        break;
      }
      line.append(word);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    if (index < words.size()) {
      int last = lines.size() - 1;
      lines.set(last, withEllipsis(lines.get(last), perLine));
    }
    return List.copyOf(lines);
  }

  private static String clean(String prompt) {
    var out = new StringBuilder(prompt.length());
    prompt
        .codePoints()
        .forEach(
            c ->
                out.appendCodePoint(
                    Character.isISOControl(c) || Character.isWhitespace(c) ? ' ' : c));
    return out.toString().strip();
  }

  private static String withEllipsis(String line, int perLine) {
    String shortened = line;
    while (length(shortened) + 1 > perLine) {
      shortened = shortened.substring(0, shortened.offsetByCodePoints(0, length(shortened) - 1));
    }
    return shortened.stripTrailing() + ELLIPSIS;
  }

  private static int length(CharSequence text) {
    return Character.codePointCount(text, 0, text.length());
  }
}
