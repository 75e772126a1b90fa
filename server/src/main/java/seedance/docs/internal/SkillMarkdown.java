package seedance.docs.internal;

import static seedance.docs.internal.ReferenceMarkdown.code;
import static seedance.docs.internal.ReferenceMarkdown.codes;

import java.util.Map;
import org.springframework.stereotype.Component;
import seedance.video.SubmitContract;
import seedance.video.SubmitContract.Field;
import seedance.web.ErrorCode;

/**
 * The one-file agent skill ({@code /downloads/seedance-skill.md}): how to turn an idea into a
 * Seedance director prompt and render it with curl. Parameters, limits and error codes come from
 * the same facts as the reference.
 */
@Component
class SkillMarkdown {

  private final ApiFacts facts;

  SkillMarkdown(ApiFacts facts) {
    this.facts = facts;
  }

  String render(String base) {
    var t = DocsText.of(DocsText.ENGLISH);
    var md = new StringBuilder();
    md.append(
        """
        ---
        name: seedance
        description: Turns an idea into a Seedance 2.0 director prompt and renders it as a video \
        through the Seedance API with curl (submit with an Idempotency-Key, poll the task politely, \
        download the MP4). Use when the user asks for a video, clip, shot, animation or a video \
        edit or extension from text, images or reference media.
        ---

        # Seedance video director

        """);
    md.append("You write Seedance 2.0 director prompts and render them through the API at `")
        .append(base)
        .append("`. The full reference is ")
        .append(base)
        .append("/llms-full.txt and the contract is ")
        .append(base)
        .append("/openapi.json.\n\n");
    md.append(
        """
        Needs: `curl`, and an API key in the environment variable `SEEDANCE_API_KEY` (the user \
        creates it in the dashboard; never print it, never write it into files). The snippets use \
        only `curl`, `grep` and `cut`; use `jq` instead if you have it.

        ## 1. Turn the idea into a director prompt

        Write the prompt as concrete instructions to a film director, in this order:

        1. **Subject**: who or what, with the details that must stay stable (face, clothes, colours).
        2. **Action**: what happens, as visible motion, one main action per shot.
        3. **Scene**: place, time of day, weather, light.
        4. **Camera**: shot size and movement (wide establishing shot, slow dolly in, handheld \
        tracking, static close-up, aerial orbit). With `fixed_lens: true`, say the camera holds still.
        5. **Style**: medium and look (35 mm film, anime, documentary, product commercial), colour \
        palette, grain, lens.
        6. **Constraints**: stable faces, natural motion, no deformation, no watermark, no logo, no \
        subtitles unless intended.

        Reference media, in plain words:
        """);
    for (int i = 1; t.has("guide." + i); i++) {
      md.append("- ").append(t.get("guide." + i)).append('\n');
    }
    md.append(
        """

        Complex scenes: number the shots in order ("Shot 1: ... Shot 2: ...") and end with one \
        style-and-constraints paragraph that applies to all of them. Keep to what fits in the \
        chosen duration: about one shot per 3 to 5 seconds.

        Example (text-to-video, 10 seconds):

        > Shot 1: a lighthouse keeper in a yellow raincoat climbs a spiral staircase at dusk, slow \
        upward tracking shot. Shot 2: he opens the lamp room door, warm light floods the frame, the \
        camera pushes in on his face. Style: 35 mm film, soft grain, muted teal and amber. \
        Constraints: stable face, natural motion, no deformation, no watermark, no logo, no subtitles.

        Edit: "Strictly edit the supplied source video: turn the daylight into a rainy night, keep \
        every movement and framing." Extension: "Continue from the supplied previous clip: the car \
        leaves the tunnel into a desert at sunrise, same camera height and speed."

        ## 2. Choose the parameters

        Only these fields exist; any other field is refused. Leave a field out to get its default \
        (never send `null`).

        """);
    md.append("| field | allowed | default |\n|---|---|---|\n");
    for (Field f : SubmitContract.FIELDS) {
      md.append("| ").append(code(f.name())).append(" | ").append(allowed(f));
      md.append(" | ");
      md.append(
          f.required()
              ? "required"
              : f.defaultValue() == null ? "none" : code(ReferenceMarkdown.defaultText(f)));
      md.append(" |\n");
    }
    md.append("\nRules: ");
    md.append("`image_url` is required with mode `").append(SubmitContract.IMAGE_MODE);
    md.append(
        "` (and `end_image_url` is allowed only there); `media_urls` is required with mode `");
    md.append(SubmitContract.MEDIA_MODE).append("`; ");
    md.append(codes(SubmitContract.PRO_ONLY_RESOLUTIONS.stream().sorted().toList()));
    md.append(" need quality_tier `")
        .append(SubmitContract.PRO_TIER)
        .append("`; `seed` is refused");
    md.append(" on channel `").append(SubmitContract.SEEDLESS_CHANNEL).append("` and tier `");
    md.append(SubmitContract.SEEDLESS_TIER).append("`. Media URLs must be public `https` URLs.");
    md.append(" Standard tier, 720p, 5 s costs 30 credits; bigger jobs cost more, so confirm");
    md.append(" long, 1080p-plus or 4k jobs with the user first.\n\n");
    md.append("## 3. Submit with an Idempotency-Key\n\n");
    md.append("Make one key per logical video and reuse it for every retry of that same request,");
    md.append(
        " so a retry never pays twice. Write the body to a file so quoting stays simple:\n\n");
    md.append("```bash\nKEY=\"video-$(date +%s)-$RANDOM\"\ncat > body.json <<'JSON'\n");
    md.append(PrettyJson.print(ApiFacts.TEXT_BODY)).append("\nJSON\n");
    md.append("curl -sS -X POST ").append(base).append(SubmitContract.PATH).append(" \\\n");
    md.append("  -H \"Authorization: Bearer $SEEDANCE_API_KEY\" \\\n");
    md.append("  -H \"Content-Type: application/json\" \\\n");
    md.append("  -H \"").append(ApiFacts.idempotencyHeader()).append(": $KEY\" \\\n");
    md.append("  --data-binary @body.json\n```\n\n");
    md.append("A 202 answer is `").append(ApiFacts.ACCEPTED_BODY.replace("xxxxx", "..."));
    md.append("`: keep the `id`.\n\n");
    md.append("## 4. Poll politely\n\n");
    md.append("The limit is ").append(facts.rateLimit()).append(" requests per ");
    md.append(facts.rateWindowSeconds());
    md.append(" seconds per account, shared by every key and endpoint. Wait 5 seconds before the");
    md.append(" first read, then poll every 5 to 10 seconds (longer for long or 4k jobs); on 429");
    md.append(" or 503 sleep for the `Retry-After` seconds. Stop at `completed` or `failed`.\n\n");
    md.append("```bash\nTASK=sd2_...\nsleep 5\nwhile true; do\n");
    md.append("  BODY=$(curl -sS -D headers.txt ").append(base).append("/api/v1/tasks/$TASK");
    md.append(" \\\n    -H \"Authorization: Bearer $SEEDANCE_API_KEY\")\n");
    md.append(
        "  STATUS=$(printf '%s' \"$BODY\" | grep -o '\"status\":\"[a-z]*\"\\|\"code\":\"[a-z_]*\"'");
    md.append(" | head -1 | cut -d'\"' -f4)\n");
    md.append(
        "  case \"$STATUS\" in\n    completed|failed) break ;;\n    processing) sleep 8 ;;\n");
    md.append("    rate_limited|service_busy)\n");
    md.append("      WAIT=$(grep -i '^retry-after:' headers.txt | tr -dc '0-9')\n");
    md.append("      sleep \"${WAIT:-10}\" ;;\n");
    md.append("    *) break ;;  # another error: see section 6\n  esac\ndone\n");
    md.append("echo \"$BODY\"\n```\n\n");
    md.append("## 5. Read the output\n\n");
    md.append("A completed task has `output.video_url` (MP4), `output.last_frame_url` (PNG) and");
    md.append(
        " `output.seed`. The links are signed and expire: download at once, or read the task");
    md.append(" again for fresh links.\n\n```bash\n");
    md.append(
        "VIDEO=$(printf '%s' \"$BODY\" | grep -o '\"video_url\":\"[^\"]*\"' | cut -d'\"' -f4)\n");
    md.append("curl -sSL \"$VIDEO\" -o video.mp4\n");
    md.append(
        "```\n\nTo extend the clip, use the last frame as the next `image_url` (image-to-video)");
    md.append(
        " or the video in `media_urls`, and say \"continue from the supplied previous clip\".");
    md.append(" Same seed and same request repeat a result.\n\n");
    md.append("## 6. Handle every error\n\n");
    md.append("Errors are `{\"error\":{\"code\",\"message\",\"param\"?,\"request_id\"}}`.\n\n");
    md.append("| code | HTTP | meaning | what to do |\n|---|---|---|---|\n");
    for (ErrorCode code : ApiFacts.ERROR_CODES) {
      md.append("| ").append(code(code.wire())).append(" | ").append(code.status());
      md.append(" | ").append(t.get("error." + code.wire(), limits()));
      md.append(" | ").append(action(code)).append(" |\n");
    }
    md.append("\nA failed task (`status: failed`) has `credits_refunded` equal to `credits_used`");
    md.append(" and one of these `error.code`s:\n\n");
    for (String code : ApiFacts.TASK_ERROR_CODES) {
      md.append("- ").append(code(code)).append(": ").append(t.get("taskError." + code));
      md.append('\n');
    }
    md.append("\nFor `content_rejected`, rewrite the prompt or media; for media errors, fix the");
    md.append(" URL; otherwise submit again with a NEW Idempotency-Key (the failed task is");
    md.append(" finished).\n");
    return md.toString();
  }

  private static String action(ErrorCode code) {
    return switch (code) {
      case UNAUTHORIZED -> "Ask the user for a valid key; do not retry.";
      case INVALID_REQUEST -> "Fix the field named in `error.param`, then send again.";
      case INSUFFICIENT_CREDITS ->
          "Tell the user to top up; then retry with the SAME Idempotency-Key.";
      case RATE_LIMITED, SERVICE_BUSY ->
          "Sleep `Retry-After` seconds, then retry the same request with the same key.";
      case IDEMPOTENCY_CONFLICT ->
          "With `Retry-After`: wait and retry. Without: this key was used for another body;"
              + " make a new key.";
      case NOT_FOUND -> "Check the task id and that the key belongs to the same account.";
      case INTERNAL_ERROR -> "Retry a few times with growing waits, same key; then report the id.";
      case ALREADY_EXISTS, METHOD_NOT_ALLOWED -> "Not expected from these calls.";
    };
  }

  private static String allowed(Field f) {
    return switch (f.kind()) {
      case CHOICE -> codes(f.allowed());
      case TEXT -> f.min() + " to " + f.max() + " characters";
      case SECONDS -> "`\"" + f.min() + "\"` to `\"" + f.max() + "\"` (a string)";
      case URL -> "public https URL";
      case URL_LIST -> f.min() + " to " + f.max() + " public https URLs";
      case BOOLEAN -> "`true`, `false`";
      case INTEGER -> f.min() + " to " + f.max();
    };
  }

  private Map<String, Object> limits() {
    return Map.of("limit", facts.rateLimit(), "window", facts.rateWindowSeconds());
  }
}
