package io.lumen.benchmarks.report;

import io.lumen.benchmarks.AgentUnderTest;
import io.lumen.benchmarks.app.ApplicationResults;
import io.lumen.benchmarks.jmh.MicroBenchmarks.MicroSettings;
import io.lumen.benchmarks.jmh.MicroResult;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything a report is written from.
 *
 * @param started when the benchmark started
 * @param took how long it ran
 * @param command the command line that ran it
 * @param machine where it ran (load average at the start)
 * @param loadAverageAtEnd the 1-minute load average when it ended
 * @param agents the configurations, no agent first
 * @param application the application benchmark's results, or null if it was skipped
 * @param microSettings how the microbenchmarks ran, or null if they were skipped
 * @param micro the microbenchmarks' results, or null if they were skipped
 */
public record ReportInput(
    OffsetDateTime started,
    Duration took,
    String command,
    Machine machine,
    double loadAverageAtEnd,
    List<AgentUnderTest> agents,
    ApplicationResults application,
    MicroSettings microSettings,
    List<MicroResult> micro) {}
