package seedance.dashboard.internal;

import java.util.UUID;
import seedance.video.VideoSubmissions;

/**
 * The {@code curl} that repeats a task's request. The key is never shown (the dashboard does not
 * hold it): the command reads {@code $SEEDANCE_API_KEY}. The Idempotency-Key is new on every page
 * view, so a pasted command makes a new task, and running that same command twice makes one.
 */
final class CurlCommand {

  static final String KEY_VARIABLE = "SEEDANCE_API_KEY";

  private CurlCommand() {}

  static String of(String baseUrl, String jsonBody, String sandboxOutcome) {
    return of(baseUrl, jsonBody, sandboxOutcome, UUID.randomUUID().toString());
  }

  static String of(String baseUrl, String jsonBody, String sandboxOutcome, String idempotencyKey) {
    var curl = new StringBuilder();
    curl.append("curl -X POST ")
        .append(quote(baseUrl.replaceAll("/+$", "") + VideoSubmissions.PATH))
        .append(" \\\n");
    curl.append("  -H \"Authorization: Bearer $").append(KEY_VARIABLE).append("\" \\\n");
    curl.append("  -H 'Content-Type: application/json' \\\n");
    curl.append("  -H ").append(quote("Idempotency-Key: " + idempotencyKey)).append(" \\\n");
    if (sandboxOutcome != null) {
      curl.append("  -H ")
          .append(quote(VideoSubmissions.SANDBOX_HEADER + ": " + sandboxOutcome))
          .append(" \\\n");
    }
    curl.append("  -d ").append(quote(jsonBody));
    return curl.toString();
  }

  /**
   * POSIX shell single quotes: nothing inside is expanded; a quote itself is closed and escaped.
   */
  static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
