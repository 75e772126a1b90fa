package seedance.provider.internal.ark;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A task the fake Ark stored: its create body and its current status. */
final class ArkFakeTask {

  final String id;
  final JsonNode body;
  final long createdAt = System.currentTimeMillis() / 1000;
  String status = "queued";

  /** In clock mode: when the task ends (epoch ms); 0 in step mode (a step per GET). */
  long endsAt;

  /** When the fake first reported the task ended (epoch ms), 0 until then. */
  volatile long endedAt;

  ArkFakeTask(String id, JsonNode body) {
    this.id = id;
    this.body = body;
  }

  /** Step mode: one GET moves a queued task to running and a running one to its end. */
  void step(String failTasksWith) {
    status =
        switch (status) {
          case "queued" -> "running";
          case "running" -> failTasksWith == null ? "succeeded" : "failed";
          default -> status;
        };
  }

  /**
   * Clock mode: moves the task to where its time says, queued for the first quarter of {@code
   * runMillis} before {@link #endsAt}, then running, then ended; cancelled tasks stay cancelled.
   */
  void onClock(long now, long runMillis, String failTasksWith) {
    if (!unfinished()) {
      return;
    }
    if (now >= endsAt) {
      status = failTasksWith == null ? "succeeded" : "failed";
    } else if (now >= endsAt - runMillis * 3 / 4) {
      status = "running";
    }
  }

  /**
   * Whether Ark still works on the task at {@code now} (clock mode by its time, else its status).
   */
  boolean unfinishedAt(long now) {
    return unfinished() && (endsAt == 0 || now < endsAt);
  }

  private boolean unfinished() {
    return status.equals("queued") || status.equals("running");
  }

  /** The task as Ark's GET body (research §1.7). */
  ObjectNode view(JsonMapper json, String failTasksWith, boolean dropOutputs) {
    ObjectNode view = json.createObjectNode();
    view.put("id", id).put("model", body.path("model").asString()).put("status", status);
    String ratio = body.path("ratio").asString("adaptive");
    ratio = ratio.equals("adaptive") ? "16:9" : ratio;
    int duration = body.path("duration").asInt(5) == -1 ? 8 : body.path("duration").asInt(5);
    String resolution = body.path("resolution").asString("720p");
    if (status.equals("failed")) {
      view.putObject("error").put("code", failTasksWith).put("message", "scripted failure");
    } else {
      view.putNull("error");
    }
    if (status.equals("succeeded") && !dropOutputs) {
      ObjectNode content = view.putObject("content");
      content.put("video_url", "https://tos.example/" + id + ".mp4?X-Tos-Expires=86400");
      if (body.path("return_last_frame").asBoolean(false)) {
        content.put("last_frame_url", "https://tos.example/" + id + "-last.png");
      }
      long tokens = pixels(resolution, ratio) * (24L * duration + 1) / 1024;
      view.putObject("usage").put("completion_tokens", tokens).put("total_tokens", tokens);
    }
    long seed = body.path("seed").asLong(-1);
    view.put("created_at", createdAt).put("updated_at", createdAt + 1);
    view.put("seed", seed == -1 ? 78674 : seed);
    view.put("resolution", resolution).put("ratio", ratio).put("duration", duration);
    view.put("framespersecond", 24)
        .put("generate_audio", body.path("generate_audio").asBoolean(true));
    view.put("service_tier", "default").put("execution_expires_after", 172800);
    if (body.has("safety_identifier")) {
      view.put("safety_identifier", body.path("safety_identifier").asString());
    }
    return view;
  }

  /** Output sizes of research §1.6 for the common cases; other ratios are billed like 16:9. */
  private static long pixels(String resolution, String ratio) {
    long p16x9 =
        switch (resolution) {
          case "480p" -> 864L * 496;
          case "1080p" -> 1920L * 1080;
          case "4k" -> 3840L * 2160;
          default -> 1280L * 720;
        };
    return ratio.equals("1:1") ? p16x9 * 15 / 16 : p16x9;
  }
}
