package io.lumen.benchmarks.jmh;

import io.lumen.benchmarks.AgentUnderTest;
import io.lumen.benchmarks.TelemetryCounter;
import io.lumen.benchmarks.stats.Summary;
import io.lumen.testing.receiver.OtlpReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs each JMH benchmark once per configuration, one after the other (so the configurations of
 * one benchmark are measured minutes apart at most), each in its own fork with the agent attached,
 * exporting to a receiver in this JVM. Also counts the telemetry each fork delivered, which says
 * whether the agent instrumented the path at all.
 */
public final class MicroBenchmarks {

  /** The benchmarks in report order, with what each measures. */
  public static final Map<Class<?>, String> BENCHMARKS = benchmarks();

  private static Map<Class<?>, String> benchmarks() {
    Map<Class<?>, String> benchmarks = new LinkedHashMap<>();
    benchmarks.put(HttpServerBenchmark.class, "HTTP server request (JDK HttpServer, loopback)");
    benchmarks.put(JdbcBenchmark.class, "JDBC prepared query (H2 in memory)");
    benchmarks.put(ExecutorBenchmark.class, "Executor hand-off with a current span");
    benchmarks.put(LogEventBenchmark.class, "Log event (SLF4J + logback, pattern layout)");
    benchmarks.put(
        ClassDefinitionBenchmark.class, "Class definition that no instrumentation matches");
    return Collections.unmodifiableMap(benchmarks);
  }

  private final MicroSettings settings;

  public MicroBenchmarks(MicroSettings settings) {
    this.settings = settings;
  }

  public List<MicroResult> run(List<AgentUnderTest> agents) throws InterruptedException {
    try {
      Files.createDirectories(settings.workDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<MicroResult> results = new ArrayList<>();
    TelemetryCounter counter = new TelemetryCounter();
    try (OtlpReceiver receiver =
        OtlpReceiver.builder().setRetainTelemetry(false).addListener(counter).start()) {
      for (Class<?> benchmark : BENCHMARKS.keySet()) {
        for (AgentUnderTest agent : agents) {
          System.out.printf(
              "[benchmark] JMH %s with %s%n", benchmark.getSimpleName(), agent.label());
          long spansBefore = counter.spans();
          long logsBefore = counter.logRecords();
          Path probe =
              settings.workDirectory().resolve(benchmark.getSimpleName() + "-" + agent.key() + ".properties");
          RunResult result = runOne(benchmark, agent, receiver, probe);
          TelemetryCounter.awaitQuiet(
              () -> counter.spans() + counter.logRecords(),
              Duration.ofSeconds(1),
              Duration.ofSeconds(15));
          MicroResult micro =
              toResult(
                  benchmark.getSimpleName(),
                  agent.key(),
                  result,
                  BenchmarkProbe.read(probe),
                  counter.spans() - spansBefore,
                  counter.logRecords() - logsBefore);
          System.out.printf(
              "[benchmark]   %.1f ns/op, %s B/op, %d spans, %d log records%n",
              micro.nanosPerOp().median(),
              micro.bytesPerOp() == null ? "?" : String.format("%.0f", micro.bytesPerOp().median()),
              micro.spansReceived(),
              micro.logRecordsReceived());
          results.add(micro);
        }
      }
    }
    return results;
  }

  private RunResult runOne(
      Class<?> benchmark, AgentUnderTest agent, OtlpReceiver receiver, Path probe) {
    List<String> jvmArguments = new ArrayList<>(agent.jvmArguments());
    jvmArguments.addAll(
        List.of(
            "-Xmx1g",
            "-XX:+UseG1GC",
            "-Dotel.service.name=jmh-" + benchmark.getSimpleName(),
            "-Dotel.exporter.otlp.endpoint=" + receiver.httpEndpoint(),
            "-Dotel.exporter.otlp.protocol=http/protobuf",
            "-D" + BenchmarkProbe.FILE_PROPERTY + "=" + probe.toAbsolutePath()));
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include("^" + Pattern.quote(benchmark.getName()) + "\\.")
            .forks(1)
            .threads(1)
            .warmupIterations(settings.warmupIterations())
            .warmupTime(TimeValue.milliseconds(settings.iterationTime().toMillis()))
            .measurementIterations(settings.measurementIterations())
            .measurementTime(TimeValue.milliseconds(settings.iterationTime().toMillis()))
            .addProfiler(GCProfiler.class)
            .jvmArgsAppend(jvmArguments.toArray(new String[0]))
            .shouldFailOnError(true)
            .output(
                settings
                    .workDirectory()
                    .resolve(benchmark.getSimpleName() + "-" + agent.key() + ".jmh.txt")
                    .toString());
    try {
      Collection<RunResult> results = new Runner(options.build()).run();
      if (results.size() != 1) {
        throw new IllegalStateException(
            "expected one result from " + benchmark.getName() + ", got " + results.size());
      }
      return results.iterator().next();
    } catch (RunnerException e) {
      throw new IllegalStateException(
          benchmark.getSimpleName() + " failed with " + agent.label() + "; see " + settings.workDirectory(),
          e);
    }
  }

  static MicroResult toResult(
      String benchmark,
      String agent,
      RunResult result,
      Map<String, Long> probe,
      long spans,
      long logRecords) {
    Summary time = summary(result.getPrimaryResult().getStatistics());
    Summary bytes = null;
    Map<String, Result> secondary = result.getSecondaryResults();
    for (String key : List.of("gc.alloc.rate.norm", "·gc.alloc.rate.norm")) {
      if (secondary.containsKey(key)) {
        bytes = summary(secondary.get(key).getStatistics());
      }
    }
    return new MicroResult(benchmark, agent, time, bytes, probe, spans, logRecords);
  }

  private static Summary summary(Statistics statistics) {
    return new Summary(
        (int) statistics.getN(),
        statistics.getPercentile(50),
        statistics.getMin(),
        statistics.getMax(),
        statistics.getPercentile(25),
        statistics.getPercentile(75));
  }

  /**
   * How the microbenchmarks run.
   *
   * @param warmupIterations iterations before measuring, per fork
   * @param measurementIterations measured iterations, per fork; the median is over these
   * @param iterationTime length of each iteration
   * @param workDirectory JMH's output and the probes
   */
  public record MicroSettings(
      int warmupIterations, int measurementIterations, Duration iterationTime, Path workDirectory) {}
}
