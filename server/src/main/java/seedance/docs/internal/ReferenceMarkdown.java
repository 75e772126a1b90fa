package seedance.docs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import seedance.video.SubmitContract;
import seedance.video.SubmitContract.Field;
import seedance.web.ErrorCode;

/**
 * The whole API reference as Markdown, in English or Turkish: the /developers page, its "Copy for
 * AI" text, /developers.md and /llms-full.txt are this one text. Every table row comes from the
 * facts; only prose comes from the message bundles.
 */
@Component
class ReferenceMarkdown {

  private final ApiFacts facts;

  ReferenceMarkdown(ApiFacts facts) {
    this.facts = facts;
  }

  String render(Locale locale, String base) {
    var t = DocsText.of(locale);
    var md = new StringBuilder();
    md.append("# ").append(t.get("title")).append("\n\n");
    md.append("> ").append(t.get("tagline")).append("\n\n");
    md.append(t.get("intro", Map.of("base", base))).append("\n\n");
    md.append("- OpenAPI 3.1: <").append(base).append("/openapi.json>\n");
    md.append("- llms.txt: <").append(base).append("/llms.txt>\n");
    md.append("- ").append(t.get("skill.name")).append(": <");
    md.append(base).append("/downloads/seedance-skill.md>\n\n");
    quickStart(md, t, base);
    authentication(md, t);
    submit(md, t, base);
    task(md, t, base);
    account(md, t, base);
    errors(md, t);
    rateLimit(md, t);
    idempotency(md, t);
    promptGuide(md, t);
    agents(md, t, base);
    faq(md, t);
    return md.toString();
  }

  private void quickStart(StringBuilder md, DocsText t, String base) {
    md.append("## ").append(t.get("quickstart.title")).append("\n\n");
    for (int step = 1; step <= 3; step++) {
      md.append(step).append(". **").append(t.get("quickstart.step" + step + ".title"));
      md.append("**: ").append(t.get("quickstart.step" + step + ".text")).append('\n');
    }
    md.append('\n');
  }

  private void authentication(StringBuilder md, DocsText t) {
    md.append("## ").append(t.get("auth.title")).append("\n\n");
    md.append(t.get("auth.text")).append("\n\n");
    md.append("```http\nAuthorization: Bearer sk_live_your_api_key\n");
    md.append("Content-Type: application/json\n");
    md.append(ApiFacts.idempotencyHeader()).append(": a-unique-id-per-request\n```\n\n");
    md.append("| ").append(t.get("col.header")).append(" | ");
    md.append(t.get("col.description")).append(" |\n|---|---|\n");
    for (String header :
        List.of(
            "Authorization",
            "Content-Type",
            ApiFacts.idempotencyHeader(),
            ApiFacts.SANDBOX_HEADER)) {
      row(md, code(header), t.get("header." + header, limits()));
    }
    md.append('\n').append(t.get("auth.responseHeaders")).append("\n\n");
    md.append("| ").append(t.get("col.header")).append(" | ");
    md.append(t.get("col.description")).append(" |\n|---|---|\n");
    for (String header :
        List.of(
            "X-Request-Id",
            "RateLimit-Policy",
            "RateLimit",
            "Retry-After",
            "Idempotent-Replayed")) {
      row(md, code(header), t.get("header." + header, limits()));
    }
    md.append('\n');
  }

  private void submit(StringBuilder md, DocsText t, String base) {
    md.append("## POST ").append(SubmitContract.PATH).append(": ");
    md.append(t.get("submit.title")).append("\n\n");
    md.append(t.get("submit.text")).append("\n\n");
    md.append("### ").append(t.get("params.title")).append("\n\n");
    md.append("| ")
        .append(
            String.join(
                " | ",
                t.get("col.param"),
                t.get("col.type"),
                t.get("col.required"),
                t.get("col.default"),
                t.get("col.allowed"),
                t.get("col.description")))
        .append(" |\n|---|---|---|---|---|---|\n");
    for (Field f : SubmitContract.FIELDS) {
      row(
          md,
          code(f.name()),
          type(f),
          required(f, t),
          f.defaultValue() == null ? "" : code(defaultText(f)),
          allowed(f, t),
          t.get("param." + f.name()));
    }
    md.append("\n**").append(t.get("rules.title")).append("**\n\n");
    var values =
        Map.of(
            "pro", SubmitContract.PRO_TIER,
            "proOnly", codes(sorted(SubmitContract.PRO_ONLY_RESOLUTIONS)),
            "imageMode", SubmitContract.IMAGE_MODE,
            "mediaMode", SubmitContract.MEDIA_MODE,
            "channel", SubmitContract.SEEDLESS_CHANNEL,
            "tier", SubmitContract.SEEDLESS_TIER);
    for (int i = 1; t.has("rules." + i); i++) {
      md.append("- ").append(t.get("rules." + i, values)).append('\n');
    }
    md.append("\n### ").append(t.get("request.title")).append("\n\n");
    md.append(curlPost(base, ApiFacts.TEXT_BODY, "demo-video-001")).append('\n');
    md.append(t.get("request.image")).append("\n\n");
    md.append(jsonBlock(ApiFacts.IMAGE_BODY)).append('\n');
    md.append(t.get("request.media")).append("\n\n");
    md.append(jsonBlock(ApiFacts.MEDIA_BODY)).append('\n');
    md.append("### ").append(t.get("response.title")).append(" 202\n\n");
    md.append(jsonBlock(ApiFacts.ACCEPTED_BODY)).append('\n');
    md.append(t.get("submit.cost")).append("\n\n");
  }

  private void task(StringBuilder md, DocsText t, String base) {
    md.append("## GET ").append(ApiFacts.TASK_PATH).append(": ");
    md.append(t.get("task.title")).append("\n\n");
    md.append(t.get("task.text")).append("\n\n");
    md.append("### ").append(t.get("request.title")).append("\n\n");
    md.append("```bash\ncurl ").append(base).append("/api/v1/tasks/sd2_xxxxx \\\n");
    md.append("  -H \"Authorization: Bearer $SEEDANCE_API_KEY\"\n```\n\n");
    md.append("### ").append(t.get("response.title")).append(" 200\n\n");
    md.append(jsonBlock(ApiFacts.COMPLETED_TASK)).append('\n');
    md.append(t.get("task.failedExample")).append("\n\n");
    md.append(jsonBlock(ApiFacts.FAILED_TASK)).append('\n');
    md.append("| ").append(t.get("col.field")).append(" | ").append(t.get("col.type"));
    md.append(" | ").append(t.get("col.description")).append(" |\n|---|---|---|\n");
    for (var p : ApiFacts.TASK) {
      row(md, code(p.name()), p.type() + (p.nullable() ? " | null" : ""), taskField(t, p.name()));
    }
    for (var p : ApiFacts.OUTPUT) {
      row(
          md,
          code("output." + p.name()),
          p.type() + (p.nullable() ? " | null" : ""),
          t.get("task.output." + p.name()));
    }
    md.append("\n**").append(t.get("task.errorCodes")).append("**\n\n");
    md.append("| ").append(t.get("col.code")).append(" | ").append(t.get("col.meaning"));
    md.append(" |\n|---|---|\n");
    for (String code : ApiFacts.TASK_ERROR_CODES) {
      row(md, code(code), t.get("taskError." + code));
    }
    md.append('\n');
  }

  private static String taskField(DocsText t, String name) {
    if (name.equals("status")) {
      return t.get("task.field.status", Map.of("statuses", codes(ApiFacts.TASK_STATUSES)));
    }
    return t.get("task.field." + name);
  }

  private void account(StringBuilder md, DocsText t, String base) {
    md.append("## GET ").append(ApiFacts.ACCOUNT_PATH).append(": ");
    md.append(t.get("account.title")).append("\n\n");
    md.append(t.get("account.text")).append("\n\n");
    md.append("```bash\ncurl ").append(base).append(ApiFacts.ACCOUNT_PATH).append(" \\\n");
    md.append("  -H \"Authorization: Bearer $SEEDANCE_API_KEY\"\n```\n\n");
    md.append(jsonBlock("{\"id\":\"acct_xxxxx\",\"email\":\"me@example.com\",\"balance\":70}"));
    md.append('\n');
  }

  private void errors(StringBuilder md, DocsText t) {
    md.append("## ").append(t.get("errors.title")).append("\n\n");
    md.append(t.get("errors.text")).append("\n\n");
    md.append(jsonBlock(ApiFacts.exchange("unsupported-field").responseBody())).append('\n');
    md.append("| ").append(t.get("col.code")).append(" | HTTP | ");
    md.append(t.get("col.meaning")).append(" | ").append(t.get("col.retry"));
    md.append(" |\n|---|---|---|---|\n");
    for (ErrorCode code : ApiFacts.ERROR_CODES) {
      row(
          md,
          code(code.wire()),
          Integer.toString(code.status()),
          t.get("error." + code.wire(), limits()),
          t.get(ApiFacts.retryable(code) ? "retry.yes" : "retry.no"));
    }
    md.append('\n').append(t.get("errors.precedence")).append("\n\n");
  }

  private void rateLimit(StringBuilder md, DocsText t) {
    md.append("## ").append(t.get("ratelimit.title")).append("\n\n");
    md.append(t.get("ratelimit.text", limits())).append("\n\n");
  }

  private void idempotency(StringBuilder md, DocsText t) {
    md.append("## ").append(t.get("idempotency.title")).append("\n\n");
    md.append(t.get("idempotency.text", limits())).append("\n\n");
  }

  private void promptGuide(StringBuilder md, DocsText t) {
    md.append("## ").append(t.get("guide.title")).append("\n\n");
    md.append(t.get("guide.text")).append("\n\n");
    for (int i = 1; t.has("guide." + i); i++) {
      md.append("- ").append(t.get("guide." + i)).append('\n');
    }
    md.append('\n').append(t.get("guide.example")).append("\n\n");
  }

  private void agents(StringBuilder md, DocsText t, String base) {
    md.append("## ").append(t.get("agents.title")).append("\n\n");
    md.append(t.get("agents.text", Map.of("base", base))).append("\n\n");
    md.append(t.get("agents.skill")).append("\n\n");
    md.append("```bash\nmkdir -p ~/.claude/skills/seedance\n");
    md.append("curl -L ").append(base).append("/downloads/seedance-skill.md \\\n");
    md.append("  -o ~/.claude/skills/seedance/SKILL.md\n```\n\n");
  }

  private void faq(StringBuilder md, DocsText t) {
    md.append("## ").append(t.get("faq.title")).append("\n\n");
    for (int i = 1; t.has("faq." + i + ".q"); i++) {
      md.append("**").append(t.get("faq." + i + ".q")).append("**\n");
      md.append(t.get("faq." + i + ".a")).append("\n\n");
    }
  }

  /** Values the prose quotes: the live rate limit and the idempotency rules. */
  private Map<String, Object> limits() {
    return Map.of(
        "limit", facts.rateLimit(),
        "window", facts.rateWindowSeconds(),
        "header", ApiFacts.idempotencyHeader(),
        "hours", ApiFacts.idempotencyRetentionHours(),
        "max", ApiFacts.IDEMPOTENCY_KEY_MAX,
        "sandbox", ApiFacts.SANDBOX_HEADER);
  }

  static String type(Field f) {
    return switch (f.kind()) {
      case CHOICE, TEXT, SECONDS -> "string";
      case URL -> "string (URL)";
      case URL_LIST -> "string[] (URL)";
      case BOOLEAN -> "boolean";
      case INTEGER -> "integer";
    };
  }

  private static String required(Field f, DocsText t) {
    if (f.required()) {
      return t.get("required.yes");
    }
    if (f == SubmitContract.IMAGE_URL) {
      return t.get("required.forMode", Map.of("mode", code(SubmitContract.IMAGE_MODE)));
    }
    if (f == SubmitContract.MEDIA_URLS) {
      return t.get("required.forMode", Map.of("mode", code(SubmitContract.MEDIA_MODE)));
    }
    return t.get("required.no");
  }

  static String defaultText(Field f) {
    return f.defaultValue() instanceof String s && f.kind() == SubmitContract.Kind.SECONDS
        ? "\"" + s + "\""
        : String.valueOf(f.defaultValue());
  }

  private static String allowed(Field f, DocsText t) {
    var range = Map.of("min", f.min(), "max", f.max());
    return switch (f.kind()) {
      case CHOICE -> {
        String list = codes(f.allowed());
        yield f == SubmitContract.RESOLUTION
            ? list
                + "; "
                + t.get(
                    "allowed.proOnly",
                    Map.of(
                        "values",
                        codes(sorted(SubmitContract.PRO_ONLY_RESOLUTIONS)),
                        "pro",
                        code(SubmitContract.PRO_TIER)))
            : list;
      }
      case TEXT -> t.get("allowed.text", range);
      case SECONDS -> t.get("allowed.seconds", range);
      case URL -> t.get("allowed.url");
      case URL_LIST -> t.get("allowed.urlList", range);
      case BOOLEAN -> "`true`, `false`";
      case INTEGER ->
          t.get("allowed.integer", range)
              + (f == SubmitContract.SEED
                  ? "; "
                      + t.get(
                          "allowed.seed",
                          Map.of(
                              "channel",
                              code(SubmitContract.SEEDLESS_CHANNEL),
                              "tier",
                              code(SubmitContract.SEEDLESS_TIER)))
                  : "");
    };
  }

  private static void row(StringBuilder md, String... cells) {
    md.append('|');
    for (String cell : cells) {
      md.append(' ').append(cell.replace("|", "\\|").replace("\n", " ")).append(" |");
    }
    md.append('\n');
  }

  static String code(String text) {
    return "`" + text + "`";
  }

  static String codes(List<String> values) {
    return String.join(", ", values.stream().map(ReferenceMarkdown::code).toList());
  }

  private static List<String> sorted(java.util.Collection<String> values) {
    var list = new ArrayList<>(values);
    list.sort(null);
    return list;
  }

  static String curlPost(String base, String body, String idempotencyKey) {
    return "```bash\ncurl -X POST "
        + base
        + SubmitContract.PATH
        + " \\\n  -H \"Authorization: Bearer $SEEDANCE_API_KEY\" \\\n"
        + "  -H \"Content-Type: application/json\" \\\n  -H \""
        + ApiFacts.idempotencyHeader()
        + ": "
        + idempotencyKey
        + "\" \\\n  -d '"
        + PrettyJson.print(body)
        + "'\n```\n";
  }

  static String jsonBlock(String json) {
    return "```json\n" + PrettyJson.print(json) + "\n```\n";
  }
}
