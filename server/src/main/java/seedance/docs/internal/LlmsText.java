package seedance.docs.internal;

import seedance.video.SubmitContract;

/** {@code /llms.txt}: the llms.txt index (H1, a blockquote, then sections of links). */
final class LlmsText {

  private LlmsText() {}

  static String render(String base) {
    var t = DocsText.of(DocsText.ENGLISH);
    return "# "
        + t.get("title")
        + "\n\n> "
        + t.get("tagline")
        + "\n\nTwo calls make a video: `POST "
        + SubmitContract.PATH
        + "` submits a job and answers 202 with a task id at once; `GET "
        + SubmitContract.TASK_PATH
        + "` reads the task until it is `completed` (with `output.video_url`) or `failed`"
        + " (refunded). Authenticate with `Authorization: Bearer sk_live_...`; send an"
        + " `Idempotency-Key` with every POST.\n\n## Docs\n\n"
        + "- ["
        + "Full API reference]("
        + base
        + "/llms-full.txt): every parameter, default and range of POST "
        + SubmitContract.PATH
        + ", the task object of GET "
        + SubmitContract.TASK_PATH
        + ", error codes, rate limit, idempotency and the prompt guide, as Markdown\n"
        + "- [OpenAPI 3.1]("
        + base
        + "/openapi.json): the machine-readable contract\n"
        + "- [Developer page]("
        + base
        + "/developers): the same reference for people ([Türkçe]("
        + base
        + "/developers?lang=tr))\n\n## Skills\n\n"
        + "- [Seedance agent skill]("
        + base
        + "/downloads/seedance-skill.md): one-file skill that turns an idea into a director prompt"
        + " and renders it with curl; install as `~/.claude/skills/seedance/SKILL.md`\n\n"
        + "## Optional\n\n"
        + "- [Developer page as Markdown]("
        + base
        + "/developers.md): what the page's \"Copy for AI\" button copies\n";
  }
}
