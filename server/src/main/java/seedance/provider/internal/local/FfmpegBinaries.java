package seedance.provider.internal.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.ffmpeg;
import org.bytedeco.ffmpeg.ffprobe;
import org.bytedeco.javacpp.Loader;

/**
 * The ffmpeg and ffprobe executables that come inside the bytedeco jars. JavaCPP unpacks them with
 * their shared libraries into its cache (~/.javacpp/cache) the first time; that takes a second or
 * two, so it happens once per JVM, on first use, under a lock.
 */
final class FfmpegBinaries {

  private static final Object LOCK = new Object();
  private static volatile FfmpegBinaries loaded;

  private final Path ffmpeg;
  private final Path ffprobe;
  private final Map<String, String> environment;

  private FfmpegBinaries(Path ffmpeg, Path ffprobe) {
    this.ffmpeg = ffmpeg;
    this.ffprobe = ffprobe;
    // The executables find their direct libraries through RUNPATH=$ORIGIN, but not the libraries
    // those need in turn (libva), hence the search path.
    String inherited = System.getenv("LD_LIBRARY_PATH");
    String libraries = ffmpeg.getParent().toString();
    this.environment =
        Map.of(
            "LD_LIBRARY_PATH",
            inherited == null || inherited.isBlank() ? libraries : libraries + ":" + inherited);
  }

  /**
   * The bundled binaries, unpacked on the first call.
   *
   * @throws FfmpegException when this platform has no bundled build or the build cannot load
   */
  static FfmpegBinaries get() {
    FfmpegBinaries binaries = loaded;
    if (binaries == null) {
      synchronized (LOCK) {
        binaries = loaded;
        if (binaries == null) {
          binaries = new FfmpegBinaries(load(ffmpeg.class), load(ffprobe.class));
          loaded = binaries;
        }
      }
    }
    return binaries;
  }

  private static Path load(Class<?> executable) {
    String path;
    try {
      path = Loader.load(executable);
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      throw new FfmpegException(
          "the bundled "
              + executable.getSimpleName()
              + " cannot be loaded on platform "
              + Loader.getPlatform()
              + ": "
              + e.getMessage()
              + hint(e),
          e);
    }
    if (path == null || !Files.isExecutable(Path.of(path))) {
      throw new FfmpegException(
          "no bundled "
              + executable.getSimpleName()
              + " for platform "
              + Loader.getPlatform()
              + " (only linux-x86_64 is bundled)");
    }
    return Path.of(path);
  }

  /** The system libraries the bundled build links against but does not ship, by their package. */
  private static String hint(Throwable e) {
    String message = String.valueOf(e.getMessage()) + String.valueOf(e.getCause());
    if (message.contains("libpulse")) {
      return "; it needs the PulseAudio client library (Debian/Ubuntu: apt-get install libpulse0)";
    }
    if (message.contains("libxcb") || message.contains("libasound")) {
      return "; it needs libxcb1, libxcb-shm0 and libasound2 (Debian/Ubuntu package names)";
    }
    return "";
  }

  Path ffmpeg() {
    return ffmpeg;
  }

  Path ffprobe() {
    return ffprobe;
  }

  /** Runs ffmpeg with {@code arguments} in {@code workingDir}. */
  void runFfmpeg(List<String> arguments, Path workingDir, Duration timeout) {
    ProcessRunner.run(command(ffmpeg, arguments), workingDir, environment, timeout);
  }

  /** Runs ffprobe with {@code arguments} and returns what it printed. */
  String runFfprobe(List<String> arguments, Duration timeout) {
    return ProcessRunner.run(command(ffprobe, arguments), null, environment, timeout);
  }

  private static List<String> command(Path executable, List<String> arguments) {
    var command = new ArrayList<String>(arguments.size() + 1);
    command.add(executable.toString());
    command.addAll(arguments);
    return command;
  }
}
