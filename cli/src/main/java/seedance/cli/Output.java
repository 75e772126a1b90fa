package seedance.cli;

import java.io.PrintWriter;
import seedance.sdk.CreatedTask;
import seedance.sdk.Task;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** What commands print on stdout: one JSON document with --json, else short readable lines. */
final class Output {

  static final JsonMapper JSON =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private Output() {}

  static void created(PrintWriter out, CreatedTask created, boolean json) {
    if (json) {
      out.println(JSON.writeValueAsString(created));
    } else {
      out.println(
          created.id()
              + " "
              + created.status()
              + " ("
              + created.creditsUsed()
              + " credits"
              + (created.replayed() ? ", replayed" : "")
              + ")");
    }
    out.flush();
  }

  static void task(PrintWriter out, Task task, boolean json) {
    if (json) {
      out.println(JSON.writeValueAsString(task));
      out.flush();
      return;
    }
    out.println("id:       " + task.id());
    out.println("status:   " + task.status());
    out.println("tier:     " + task.qualityTier() + " / " + task.channel());
    out.println(
        "credits:  " + task.creditsUsed() + " used, " + task.creditsRefunded() + " refunded");
    if (task.output() != null) {
      out.println("video:    " + task.output().videoUrl());
      out.println("frame:    " + task.output().lastFrameUrl());
      out.println("seed:     " + task.output().seed());
    }
    if (task.error() != null) {
      out.println("error:    " + task.error().code() + ": " + task.error().message());
    }
    out.flush();
  }
}
