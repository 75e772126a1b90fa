package seedance.provider.internal.local;

import static seedance.provider.internal.local.Look.format;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The seed's sound: two looping eight-step patterns of soft notes from a pentatonic scale over a
 * low drone, one pattern per stereo channel.
 *
 * @param baseHz the scale's root
 * @param stepsPerSecond notes per second
 * @param left the left channel's eight note frequencies
 * @param right the right channel's eight note frequencies
 */
record Tune(double baseHz, double stepsPerSecond, List<Double> left, List<Double> right) {

  static final int SAMPLE_RATE = 48_000;
  private static final double[] PENTATONIC = {1, 9 / 8.0, 5 / 4.0, 3 / 2.0, 5 / 3.0, 2};
  private static final int STEPS = 8;
  private static final long SALT = 0x70EE5L;

  static Tune fromSeed(long seed) {
    var random = new SplittableRandom(seed ^ SALT);
    double baseHz = random.nextDouble(180, 360);
    double stepsPerSecond = random.nextInt(84, 133) / 60.0 * 2;
    return new Tune(baseHz, stepsPerSecond, pattern(random, baseHz), pattern(random, baseHz));
  }

  private static List<Double> pattern(SplittableRandom random, double baseHz) {
    var notes = new ArrayList<Double>(STEPS);
    for (int i = 0; i < STEPS; i++) {
      notes.add(baseHz * PENTATONIC[random.nextInt(PENTATONIC.length)]);
    }
    return List.copyOf(notes);
  }

  /**
   * The ffmpeg lavfi source for the sound. Each note's loudness is sin² over its step, so it is
   * silent where the pitch jumps and the jump makes no click; the clip also fades in and out.
   */
  String source(int durationSeconds) {
    return format(
        "aevalsrc=exprs='%s|%s':s=%d:d=%d",
        channel(left, 0.20, durationSeconds),
        channel(right, 0.14, durationSeconds),
        SAMPLE_RATE,
        durationSeconds);
  }

  private String channel(List<Double> notes, double loudness, int durationSeconds) {
    var pitch = new StringBuilder("(");
    for (int i = 0; i < notes.size(); i++) {
      pitch.append(i == 0 ? "" : "+");
      pitch.append(
          format("%.3f*eq(mod(floor(t*%.5f),%d),%d)", notes.get(i), stepsPerSecond, STEPS, i));
    }
    pitch.append(")");
    String envelope = format("pow(sin(PI*mod(t*%.5f,1)),2)", stepsPerSecond);
    String fade = format("min(1,t*20)*min(1,(%d-t)*4)", durationSeconds);
    return format(
        "(%.2f*sin(2*PI*%s*t)*%s+0.06*sin(2*PI*%.3f*t))*%s",
        loudness, pitch, envelope, baseHz / 2, fade);
  }
}
