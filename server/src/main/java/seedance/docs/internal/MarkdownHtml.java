package seedance.docs.internal;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** The page's HTML is the Markdown rendered, so the page and "Copy for AI" say the same thing. */
final class MarkdownHtml {

  private static final List<org.commonmark.Extension> EXTENSIONS =
      List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true).build();

  private MarkdownHtml() {}

  static String render(String markdown) {
    return RENDERER.render(PARSER.parse(markdown));
  }
}
