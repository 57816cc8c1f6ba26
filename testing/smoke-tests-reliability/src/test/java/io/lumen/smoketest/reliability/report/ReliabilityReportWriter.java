package io.lumen.smoketest.reliability.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Writes {@code docs/reliability.md} from what the tests recorded, when the run was started with
 * {@code -Dlumen.reliability.report=true} (see the README's "Testing" section). Registered as a
 * JUnit launcher session listener, so it runs once, after every test class.
 */
public final class ReliabilityReportWriter implements LauncherSessionListener {

  /** Every section the module's tests write; a missing one is named as not measured. */
  static final List<String> SECTIONS =
      List.of(
          "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "2.1", "2.2", "2.3", "2.4", "2.5",
          "3.1", "3.2", "4.1", "4.2", "4.3", "4.4");

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (!Boolean.getBoolean("lumen.reliability.report")) {
      return;
    }
    List<ReliabilityReport.Entry> entries = ReliabilityReport.entries();
    if (entries.isEmpty()) {
      return;
    }
    Path file = Path.of(System.getProperty("lumen.reliability.report.file", "reliability.md"));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, render(entries), StandardCharsets.UTF_8);
      System.err.println("[reliability] wrote " + file.toAbsolutePath().normalize());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static String render(List<ReliabilityReport.Entry> entries) {
    StringBuilder out = new StringBuilder();
    out.append("# Reliability\n\n")
        .append("What the Lumen agent survives, and what it never leaks, each proven by an automated")
        .append(" test of `testing/smoke-tests-reliability` that runs the agent in a forked JVM and")
        .append(" checks what reached a real OTLP receiver. The figures below are what the last")
        .append(" run measured (")
        .append(LocalDate.now())
        .append(", ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, Java ")
        .append(System.getProperty("java.version"))
        .append(", outage length ")
        .append(System.getProperty("lumen.reliability.outage", "30s"))
        .append("). Latencies are measured by the test's client on the same machine, so they")
        .append(" include its own scheduling; compare them within a row, not across machines.\n\n")
        .append("Regenerate this page (about 5 minutes) with:\n\n")
        .append("```sh\n")
        .append("mvn -B -q verify -pl testing/smoke-tests-reliability -am")
        .append(" -Dlumen.reliability.report=true -Dsurefire.failIfNoSpecifiedTests=false")
        .append(" -Dtest='io.lumen.smoketest.reliability.*Test'\n")
        .append("```\n\n")
        .append("`-Dlumen.reliability.outage=10s` shortens the outages (30 s by default).\n\n");
    out.append("| Test | What it proves |\n| --- | --- |\n");
    for (ReliabilityReport.Entry entry : sorted(entries)) {
      out.append("| [").append(entry.title).append("](#").append(anchor(entry.title)).append(") | ")
          .append(entry.proves).append(" |\n");
    }
    List<String> missing =
        SECTIONS.stream()
            .filter(id -> entries.stream().noneMatch(entry -> entry.title.startsWith(id + " ")))
            .toList();
    if (!missing.isEmpty()) {
      out.append("\nNot measured in this run (test not run, skipped or failed): ")
          .append(String.join(", ", missing))
          .append(".\n");
    }
    out.append('\n');
    for (ReliabilityReport.Entry entry : sorted(entries)) {
      out.append("## ").append(entry.title).append("\n\n");
      out.append(entry.proves).append("\n\n");
      if (!entry.figures.isEmpty()) {
        out.append("| Measured | |\n| --- | --- |\n");
        entry.figures.forEach(
            (name, value) -> out.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static List<ReliabilityReport.Entry> sorted(List<ReliabilityReport.Entry> entries) {
    return entries.stream().sorted(Comparator.comparing(entry -> entry.title)).toList();
  }

  private static String anchor(String title) {
    return title.toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9 -]", "")
        .trim()
        .replace(' ', '-');
  }
}
