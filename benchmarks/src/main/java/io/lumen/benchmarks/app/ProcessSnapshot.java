package io.lumen.benchmarks.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux's {@code /proc/<pid>} says about a process at one moment: its CPU time so far, its
 * resident memory and its thread count. Read from outside, so measuring costs the application
 * nothing.
 *
 * @param cpuTicks user plus system CPU time, in clock ticks ({@code getconf CLK_TCK}, 100 on
 *     Linux)
 * @param peakRssKilobytes the high-water mark of resident memory ({@code VmHWM})
 * @param rssKilobytes resident memory now ({@code VmRSS})
 * @param threads threads of the process now, the JVM's own included
 */
public record ProcessSnapshot(
    long cpuTicks, long peakRssKilobytes, long rssKilobytes, int threads) {

  /** Clock ticks per second of {@code /proc/<pid>/stat}'s CPU times. */
  public static final int TICKS_PER_SECOND = 100;

  /**
   * Reads {@code /proc/<pid>/stat} and {@code /proc/<pid>/status}.
   *
   * @throws UncheckedIOException if the process is gone or this is not Linux
   */
  public static ProcessSnapshot read(long pid) {
    Path proc = Path.of("/proc", Long.toString(pid));
    try {
      String stat = Files.readString(proc.resolve("stat"));
      String status = Files.readString(proc.resolve("status"));
      return new ProcessSnapshot(
          cpuTicks(stat),
          statusValue(status, "VmHWM"),
          statusValue(status, "VmRSS"),
          (int) statusValue(status, "Threads"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + proc + " (is the process alive?)", e);
    }
  }

  /** The CPU time in microseconds between two snapshots. */
  public static long cpuMicrosBetween(ProcessSnapshot before, ProcessSnapshot after) {
    return (after.cpuTicks - before.cpuTicks) * 1_000_000L / TICKS_PER_SECOND;
  }

  /**
   * utime + stime of a {@code /proc/<pid>/stat} line: fields 14 and 15, counted after the command
   * name in parentheses, which may itself contain spaces and parentheses.
   */
  static long cpuTicks(String stat) {
    int endOfName = stat.lastIndexOf(')');
    if (endOfName < 0) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
    }
    // After ") " come field 3 (state), 4, 5, ...: utime is field 14, so index 11 here.
    String[] fields = stat.substring(endOfName + 2).trim().split(" +");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** A number from a {@code Name:   value [kB]} line of {@code /proc/<pid>/status}. */
  static long statusValue(String status, String name) {
    for (String line : status.split("\n")) {
      if (line.startsWith(name + ":")) {
        String value = line.substring(name.length() + 1).trim();
        int space = value.indexOf(' ');
        return Long.parseLong(space < 0 ? value : value.substring(0, space));
      }
    }
    throw new IllegalArgumentException("no " + name + " in /proc/<pid>/status");
  }
}
