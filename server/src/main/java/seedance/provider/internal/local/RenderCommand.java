package seedance.provider.internal.local;

import static seedance.provider.internal.local.Look.format;

import java.util.ArrayList;
import java.util.List;

/**
 * The ffmpeg arguments for one render. ffmpeg runs in a scratch directory holding the font and the
 * prompt's text under fixed names, so no path has to be escaped inside the filter graph; the start
 * and end images are ordinary inputs.
 *
 * <p>Determinism: every source is seeded, encoders run with fixed settings and a fixed thread count
 * (x264 output depends on it, and the machine's core count must not), and {@code bitexact} plus
 * {@code -map_metadata -1} keep versions and times out of the files.
 */
final class RenderCommand {

  static final int FPS = 24;
  static final String FONT = "font.ttf";
  static final String PROMPT = "prompt.txt";
  static final String VIDEO = "video.mp4";
  static final String LAST_FRAME = "last_frame.png";

  /** How long the start and end images stay, counting their crossfade with the picture. */
  static final double IMAGE_SECONDS = 0.75;

  static final double CROSSFADE_SECONDS = 0.5;

  /** Above about 1080p veryfast gets slow on two cores; superfast keeps a 4K clip to a minute. */
  private static final long VERYFAST_MAX_PIXELS = 2_100_000;

  private RenderCommand() {}

  static List<String> arguments(RenderSpec spec, PromptText text) {
    var look = Look.fromSeed(spec.seed());
    int d = spec.durationSeconds();
    var args = new ArrayList<>(words("-hide_banner -nostdin -nostats -loglevel error"));
    args.addAll(List.of("-f", "lavfi", "-i", look.source(spec.width(), spec.height(), d, FPS)));
    int inputs = 1;
    int startInput = -1;
    int endInput = -1;
    int audioInput = -1;
    if (spec.startImage() != null) {
      args.addAll(List.of("-i", "file:" + spec.startImage().toAbsolutePath()));
      startInput = inputs++;
    }
    if (spec.endImage() != null) {
      args.addAll(List.of("-i", "file:" + spec.endImage().toAbsolutePath()));
      endInput = inputs++;
    }
    if (spec.generateAudio()) {
      args.addAll(List.of("-f", "lavfi", "-i", Tune.fromSeed(spec.seed()).source(d)));
      audioInput = inputs;
    }
    args.addAll(List.of("-filter_complex", graph(spec, look, text, startInput, endInput)));

    String preset =
        (long) spec.width() * spec.height() <= VERYFAST_MAX_PIXELS ? "veryfast" : "superfast";
    args.addAll(List.of("-map", "[video]"));
    args.addAll(
        words("-c:v libx264 -preset " + preset + " -crf 23 -profile:v high -pix_fmt yuv420p"));
    args.addAll(words("-r " + FPS + " -g " + 2 * FPS + " -threads 2"));
    if (audioInput >= 0) {
      args.addAll(List.of("-map", audioInput + ":a"));
      args.addAll(words("-c:a aac -b:a 128k -ar " + Tune.SAMPLE_RATE));
    }
    args.addAll(bitexact());
    args.addAll(words("-t " + d + " -movflags +faststart -y " + VIDEO));

    args.addAll(words("-map [last] -frames:v 1 -update 1 -c:v png"));
    args.addAll(bitexact());
    args.addAll(words("-y " + LAST_FRAME));
    return args;
  }

  /**
   * The picture with the prompt on it, then the start and end images laid over its first and last
   * moments; split into the video and the last frame, which is picked by number since the frame
   * count is exact.
   */
  private static String graph(
      RenderSpec spec, Look look, PromptText text, int startInput, int endInput) {
    int w = spec.width();
    int h = spec.height();
    int d = spec.durationSeconds();
    var graph = new StringBuilder("[0:v]").append(look.hue()).append(',');
    graph.append(look.lens(w, h, d, spec.fixedLens())).append(",setsar=1");
    if (!text.isBlank()) {
      graph.append(',').append(drawtext(text));
    }
    graph.append(",format=yuv420p[picture];");
    String current = "picture";
    if (startInput >= 0) {
      graph.append(image(startInput, w, h, "out", IMAGE_SECONDS - CROSSFADE_SECONDS));
      graph.append("[start];[").append(current).append("][start]overlay=eof_action=pass[opened];");
      current = "opened";
    }
    if (endInput >= 0) {
      graph.append(image(endInput, w, h, "in", 0));
      graph.append(format(",setpts=PTS+%.4f/TB", d - IMAGE_SECONDS));
      // repeat: the closing image stays on however the last frame's time rounds.
      graph.append("[end];[").append(current).append("][end]overlay=eof_action=repeat[closed];");
      current = "closed";
    }
    graph.append('[').append(current).append("]format=yuv420p,split[video][tail];");
    graph.append(format("[tail]select='eq(n,%d)'[last]", d * FPS - 1));
    return graph.toString();
  }

  private static List<String> words(String line) {
    return List.of(line.split(" "));
  }

  private static List<String> bitexact() {
    return words(
        "-fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1 -map_chapters -1");
  }

  /**
   * An input image as a clip of {@link #IMAGE_SECONDS}: cover-scaled to the frame, with an alpha
   * fade so the overlay crossfades it with the picture. Only its first frame is used, so an
   * animated image behaves like a still one.
   */
  private static String image(int input, int w, int h, String fadeDirection, double fadeStart) {
    int frames = (int) Math.round(IMAGE_SECONDS * FPS);
    return format(
        "[%d:v]trim=end_frame=1,scale=%d:%d:force_original_aspect_ratio=increase:flags=bicubic,"
            + "crop=%d:%d,setsar=1,format=yuva420p,loop=loop=%d:size=1:start=0,"
            + "setpts=N/(%d*TB),fade=t=%s:st=%.4f:d=%.4f:alpha=1",
        input, w, h, w, h, frames - 1, FPS, fadeDirection, fadeStart, CROSSFADE_SECONDS);
  }

  private static String drawtext(PromptText text) {
    return format(
        "drawtext=fontfile=%s:textfile=%s:expansion=none:fontsize=%d:line_spacing=%d"
            + ":fontcolor=white:box=1:boxcolor=black@0.35:boxborderw=%d"
            + ":text_align=C:x=(w-text_w)/2:y=(h-text_h)/2",
        FONT, PROMPT, text.fontSize(), text.lineSpacing(), text.fontSize() / 2);
  }
}
