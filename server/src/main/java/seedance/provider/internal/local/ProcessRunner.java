package seedance.provider.internal.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program to completion. Only the tail of its stderr is kept, since ffmpeg can
 * print without end on a long render, and a program that overruns its time is killed so a stuck
 * render cannot hold a worker forever.
 */
final class ProcessRunner {

  static final int STDERR_TAIL_BYTES = 8 * 1024;
  static final int STDOUT_LIMIT_BYTES = 4 * 1024 * 1024;

  private ProcessRunner() {}

  /**
   * Runs {@code command} and returns what it printed on stdout.
   *
   * @throws FfmpegException when it cannot start, exits non-zero, prints too much or overruns
   */
  static String run(
      List<String> command, Path workingDir, Map<String, String> environment, Duration timeout) {
    String name = Path.of(command.getFirst()).getFileName().toString();
    var builder = new ProcessBuilder(command);
    if (workingDir != null) {
      builder.directory(workingDir.toFile());
    }
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new FfmpegException(name + " could not be started: " + e.getMessage(), e);
    }
    closeQuietly(process);
    var stdout = new Drain(process.getInputStream(), STDOUT_LIMIT_BYTES, false);
    var stderr = new Drain(process.getErrorStream(), STDERR_TAIL_BYTES, true);
    Thread stdoutThread = Thread.ofPlatform().daemon().name(name + "-stdout").start(stdout);
    Thread stderrThread = Thread.ofPlatform().daemon().name(name + "-stderr").start(stderr);
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        join(stdoutThread, stderrThread);
        throw new FfmpegException(
            name
                + " did not finish within "
                + timeout.toSeconds()
                + " s and was killed"
                + tail(stderr));
      }
      join(stdoutThread, stderrThread);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill(process);
      throw new FfmpegException(name + " was interrupted and killed", e);
    }
    int exit = process.exitValue();
    if (exit != 0) {
      throw new FfmpegException(name + " failed with exit code " + exit + tail(stderr));
    }
    if (stdout.overflowed()) {
      throw new FfmpegException(name + " printed more than " + STDOUT_LIMIT_BYTES + " bytes");
    }
    return stdout.text();
  }

  /** Gives the program an empty stdin, so one that asks a question fails instead of hanging. */
  private static void closeQuietly(Process process) {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // The program already went away; its exit code will tell.
    }
  }

  /** Kills the program and waits briefly for it to go, without letting an interrupt stop that. */
  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    boolean interrupted = Thread.interrupted();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void join(Thread... threads) throws InterruptedException {
    for (Thread thread : threads) {
      thread.join(Duration.ofSeconds(10));
    }
  }

  private static String tail(Drain stderr) {
    String text = stderr.text().strip();
    return text.isEmpty() ? " (nothing on stderr)" : ":\n" + text;
  }

  /**
   * Reads a stream to its end, keeping at most {@code limit} bytes: the last ones when {@code
   * keepTail}, else the first ones (and notes that more came).
   */
  private static final class Drain implements Runnable {
    private final InputStream in;
    private final int limit;
    private final boolean keepTail;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private boolean overflowed;
    private boolean truncatedHead;

    Drain(InputStream in, int limit, boolean keepTail) {
      this.in = in;
      this.limit = limit;
      this.keepTail = keepTail;
    }

    @Override
    public void run() {
      var buffer = new byte[8192];
      try (in) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          append(buffer, n);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private synchronized void append(byte[] buffer, int n) {
      if (!keepTail) {
        int room = limit - kept.size();
        kept.write(buffer, 0, Math.min(room, n));
        overflowed |= n > room;
        return;
      }
      kept.write(buffer, 0, n);
      // Trim only when twice the limit is held, so the copy happens rarely.
      if (kept.size() > 2 * limit) {
        byte[] all = kept.toByteArray();
        kept.reset();
        kept.write(all, all.length - limit, limit);
        truncatedHead = true;
      }
    }

    synchronized boolean overflowed() {
      return overflowed;
    }

    synchronized String text() {
      byte[] all = kept.toByteArray();
      int from = keepTail ? Math.max(0, all.length - limit) : 0;
      String text = new String(all, from, all.length - from, StandardCharsets.UTF_8);
      return truncatedHead || from > 0 ? "…" + text : text;
    }
  }
}
