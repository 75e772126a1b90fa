package seedance.docs.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public docs: no key, no rate limit (they live outside /api). Each answer is rendered from the
 * facts on request, so it always shows this server's URL and limits.
 */
@Controller
class DocsController {

  static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");
  static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PublicBase base;
  private final ReferenceMarkdown reference;
  private final OpenApiDocument openApi;
  private final SkillMarkdown skill;

  DocsController(
      PublicBase base, ReferenceMarkdown reference, OpenApiDocument openApi, SkillMarkdown skill) {
    this.base = base;
    this.reference = reference;
    this.openApi = openApi;
    this.skill = skill;
  }

  @GetMapping("/developers")
  String page(
      @RequestParam(required = false) String lang,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    var text = DocsText.of(locale(lang, request));
    response.setHeader(HttpHeaders.CONTENT_LANGUAGE, text.locale().getLanguage());
    response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    String markdown = reference.render(text.locale(), base.of(request));
    model.addAttribute("lang", text.locale().getLanguage());
    model.addAttribute("markdown", markdown);
    model.addAttribute("html", MarkdownHtml.render(markdown));
    model.addAttribute(
        "t",
        Map.of(
            "title", text.get("page.title"),
            "copy", text.get("page.copy"),
            "copied", text.get("page.copied"),
            "copyHint", text.get("page.copyHint"),
            "markdown", text.get("page.markdown"),
            "dashboard", text.get("page.dashboard")));
    return "docs/developers";
  }

  @GetMapping("/developers.md")
  ResponseEntity<String> pageMarkdown(
      @RequestParam(required = false) String lang, HttpServletRequest request) {
    var locale = DocsText.of(locale(lang, request)).locale();
    return ResponseEntity.ok()
        .contentType(MARKDOWN)
        .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
        .body(reference.render(locale, base.of(request)));
  }

  @GetMapping("/llms.txt")
  ResponseEntity<String> llms(HttpServletRequest request) {
    return text(TEXT, LlmsText.render(base.of(request)));
  }

  /** English whatever the browser says: agents read this, and llms.txt links it as English. */
  @GetMapping("/llms-full.txt")
  ResponseEntity<String> llmsFull(HttpServletRequest request) {
    return text(TEXT, reference.render(DocsText.ENGLISH, base.of(request)));
  }

  @GetMapping("/downloads/seedance-skill.md")
  ResponseEntity<String> skill(HttpServletRequest request) {
    return text(MARKDOWN, skill.render(base.of(request)));
  }

  @GetMapping("/openapi.json")
  ResponseEntity<String> openApi(HttpServletRequest request) {
    return text(
        MediaType.APPLICATION_JSON,
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(openApi.build(base.of(request))));
  }

  /**
   * {@code ?lang=} wins; otherwise whatever locale the application resolved (a global
   * LocaleResolver when there is one, else Accept-Language).
   */
  static Locale locale(String lang, HttpServletRequest request) {
    if (lang != null && (lang.equals("tr") || lang.equals("en"))) {
      return Locale.forLanguageTag(lang);
    }
    return RequestContextUtils.getLocale(request);
  }

  private static ResponseEntity<String> text(MediaType type, String body) {
    return ResponseEntity.ok()
        .contentType(type)
        .cacheControl(CacheControl.noCache())
        .header("Access-Control-Allow-Origin", "*")
        .body(body);
  }
}
