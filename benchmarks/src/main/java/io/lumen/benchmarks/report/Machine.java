package io.lumen.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The machine a report was measured on: numbers from different machines are not comparable, and
 * numbers from a busy one are noisy, so the report says which it was.
 *
 * @param cores processors available to the JVM
 * @param cpu the CPU model ({@code /proc/cpuinfo}), or empty
 * @param memoryMegabytes physical memory ({@code /proc/meminfo}), or 0
 * @param os operating system name and kernel version
 * @param jdk what {@code java -version} of the application's JDK printed, on one line
 * @param loadAverage the 1-minute load average ({@code /proc/loadavg}) when read, or NaN
 */
public record Machine(
    int cores, String cpu, long memoryMegabytes, String os, String jdk, double loadAverage) {

  /** Describes this machine, with the JDK of {@code java}. */
  public static Machine describe(Path java) {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        readMemoryMegabytes(),
        osName(),
        javaVersion(java),
        currentLoadAverage());
  }

  /** The 1-minute load average now, or NaN off Linux. */
  public static double currentLoadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return "";
  }

  private static long readMemoryMegabytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux
    }
    return 0;
  }

  private static String osName() {
    String name = System.getProperty("os.name") + " " + System.getProperty("os.version");
    try {
      for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
        if (line.startsWith("PRETTY_NAME=")) {
          return line.substring("PRETTY_NAME=".length()).replace("\"", "") + ", " + name;
        }
      }
    } catch (IOException e) {
      // no os-release
    }
    return name;
  }

  private static String javaVersion(Path java) {
    try {
      Process process =
          new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(30, TimeUnit.SECONDS);
      return String.join("; ", output.strip().split("\\R"));
    } catch (IOException e) {
      return "(unknown: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(unknown)";
    }
  }
}
