import java.io.IOException;

/** CPU used so far, by this JVM, by another process and by the whole machine (Linux /proc). */
final class CpuClock {

  private CpuClock() {}

  static long processCpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime()
        : -1;
  }

  /** Linux clock ticks per second (USER_HZ), the unit of /proc/stat and /proc/PID/stat. */
  static final double TICKS_PER_SECOND = 100;

  /** CPU ticks (user + system) used so far by process {@code pid}, or -1. */
  static long processTicks(long pid) {
    if (pid <= 0) {
      return -1;
    }
    try {
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
      // Fields after the command name, which is in parentheses and may contain spaces.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** CPU ticks the whole machine spent busy so far (all CPUs, excluding idle, iowait, steal). */
  static long machineBusyTicks() {
    try {
      String line = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0);
      String[] f = line.trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal ...
      return Long.parseLong(f[1])
          + Long.parseLong(f[2])
          + Long.parseLong(f[3])
          + Long.parseLong(f[6])
          + Long.parseLong(f[7]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
