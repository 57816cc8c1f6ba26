package io.lumen.benchmarks.report;

import static io.lumen.benchmarks.AgentUnderTest.NONE;

import io.lumen.benchmarks.AgentUnderTest;
import io.lumen.benchmarks.app.ApplicationResults;
import io.lumen.benchmarks.app.ApplicationSettings;
import io.lumen.benchmarks.app.InstrumentationProfile;
import io.lumen.benchmarks.app.InstrumentationProfile.EndpointProfile;
import io.lumen.benchmarks.app.RunMeasurement;
import io.lumen.benchmarks.jmh.ClassDefinitionBenchmark;
import io.lumen.benchmarks.jmh.ExecutorBenchmark;
import io.lumen.benchmarks.jmh.MicroBenchmarks;
import io.lumen.benchmarks.jmh.MicroResult;
import io.lumen.benchmarks.stats.Summary;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the benchmark report in Markdown: targets first, then what each configuration
 * instrumented (so no figure is read without knowing what was recorded), the application's figures
 * with their spread, the microbenchmarks, how each figure was measured, and every raw run.
 */
public final class MarkdownReport {

  private final ReportInput input;
  private final Comparison comparison;
  private final StringBuilder out = new StringBuilder();

  public MarkdownReport(ReportInput input) {
    this.input = input;
    this.comparison =
        input.application() == null
            ? null
            : new Comparison(
                Figure.application(input.application().endpoints()), input.application().runs());
  }

  /** The comparison the report is based on, or null without the application benchmark. */
  public Comparison comparison() {
    return comparison;
  }

  /** The report, with {@code chartFile} (relative to the report) as its chart, if not null. */
  public String render(String chartFile, String lumenRevision) {
    out.setLength(0);
    header(lumenRevision);
    targets();
    if (input.application() != null) {
      instrumented();
      application(chartFile);
      startup();
      delivery();
    }
    if (input.micro() != null) {
      micro();
    }
    method();
    if (input.application() != null) {
      rawRuns();
    }
    return out.toString();
  }

  private void header(String lumenRevision) {
    Machine machine = input.machine();
    line("# Lumen overhead benchmark, " + input.started().format(DateTimeFormatter.ISO_LOCAL_DATE));
    line();
    line(
        "Measured on "
            + input.started().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx"))
            + " by `"
            + input.command()
            + "` (took "
            + minutes(input.took().toSeconds())
            + ").");
    line();
    line("| | |");
    line("|---|---|");
    line(
        "| Machine | "
            + machine.cores()
            + " cores"
            + (machine.cpu().isEmpty() ? "" : " (" + machine.cpu() + ")")
            + (machine.memoryMegabytes() > 0
                ? String.format(Locale.ROOT, ", %.1f GB memory", machine.memoryMegabytes() / 1024.0)
                : "")
            + " |");
    line("| OS | " + machine.os() + " |");
    line("| JDK | " + machine.jdk() + " |");
    line(
        "| Load average (1 min) | "
            + number(machine.loadAverage(), 2)
            + " at the start, "
            + number(input.loadAverageAtEnd(), 2)
            + " at the end |");
    for (AgentUnderTest agent : input.agents()) {
      if (agent.key().equals(AgentUnderTest.OFFICIAL)) {
        line(
            "| Official agent | io.opentelemetry.javaagent:opentelemetry-javaagent:"
                + agent.version()
                + " (Maven Central) |");
      } else if (agent.key().equals(AgentUnderTest.LUMEN)) {
        line(
            "| Lumen | "
                + agent.version()
                + (lumenRevision.isEmpty() ? "" : ", built from " + lumenRevision)
                + " |");
      }
    }
    line();
    double busiest = Math.max(machine.loadAverage(), input.loadAverageAtEnd());
    if (busiest > machine.cores() * 0.5) {
      line(
          "> **Noisy numbers.** The machine was busy with other work (1-minute load average "
              + number(machine.loadAverage(), 1)
              + " at the start and "
              + number(input.loadAverageAtEnd(), 1)
              + " at the end, on "
              + machine.cores()
              + " cores): other processes took CPU time from the application, the load"
              + " generator and the receiver at random moments. Read medians, look at the"
              + " ranges, and trust only differences larger than the ranges.");
      line();
    }
  }

  private void targets() {
    line("## Targets");
    line();
    line(
        "Ratios of medians, all configurations measured side by side in this run. *Within"
            + " noise* means the two configurations' ranges over the rounds overlap, so the"
            + " verdict could flip on another run.");
    line();
    line("| Target | Measured | Verdict | Notes |");
    line("|---|---|---|---|");
    for (TargetCheck check : Targets.check(comparison, input.application(), input.micro())) {
      line(
          "| "
              + check.target()
              + " | "
              + check.measured()
              + " | "
              + check.verdict()
              + " | "
              + check.note()
              + " |");
    }
    line();
  }

  private void instrumented() {
    ApplicationResults results = input.application();
    line("## What each configuration instrumented");
    line();
    line(
        "Observed before the measured rounds, in a separate launch of each configuration with"
            + " the batch span processor's delay cut to 50 ms: "
            + results.settings().calibrationRequests()
            + " sequential requests per endpoint, then the telemetry that reached the receiver."
            + " An agent that records less does less work: compare costs only where the span"
            + " counts match.");
    line();
    line("| Endpoint | Configuration | Spans / request | Traces / request | Log records / request | Spans |");
    line("|---|---|---|---|---|---|");
    for (String endpoint : results.endpoints()) {
      for (AgentUnderTest agent : input.agents()) {
        InstrumentationProfile profile = results.profiles().get(agent.key());
        EndpointProfile endpointProfile = profile == null ? null : profile.endpoints().get(endpoint);
        if (endpointProfile == null) {
          continue;
        }
        line(
            "| `GET "
                + endpoint
                + "` | "
                + agent.label()
                + " | "
                + Targets.number(endpointProfile.spansPerRequest())
                + " | "
                + Targets.number(endpointProfile.tracesPerRequest())
                + " | "
                + Targets.number(endpointProfile.logRecordsPerRequest())
                + " | "
                + (endpointProfile.spans().isEmpty()
                    ? "none"
                    : endpointProfile.spans().stream()
                        .map(span -> "`" + span + "`")
                        .collect(Collectors.joining(", ")))
                + " |");
      }
    }
    line();
    List<String> startup = new ArrayList<>();
    for (AgentUnderTest agent : input.agents()) {
      InstrumentationProfile profile = results.profiles().get(agent.key());
      if (profile != null && agent.isAgent()) {
        startup.add(agent.label() + ": " + Targets.number(profile.startupSpans()));
      }
    }
    line("Spans produced during start-up, before the first request: " + String.join("; ", startup) + ".");
    line();
    line("| Configuration | Metrics exported |");
    line("|---|---|");
    for (AgentUnderTest agent : input.agents()) {
      InstrumentationProfile profile = results.profiles().get(agent.key());
      if (profile != null && agent.isAgent()) {
        line(
            "| "
                + agent.label()
                + " | "
                + (profile.metricNames().isEmpty()
                    ? "none"
                    : profile.metricNames().stream()
                        .map(name -> "`" + name + "`")
                        .collect(Collectors.joining(", ")))
                + " |");
      }
    }
    line();
  }

  private void application(String chartFile) {
    ApplicationSettings settings = input.application().settings();
    line("## The application under load");
    line();
    line(
        "[examples/spring-boot-app](../../examples/spring-boot-app): Spring Boot 3 (Spring MVC on"
            + " Tomcat), `GET /users/{id}` runs one SQL query on H2 through HikariCP and"
            + " `GET /users/{id}/profile` runs the query and calls `GET /recommendations/{id}` of"
            + " the same service with `RestClient` (JDK `HttpClient`). Each agent exports traces,"
            + " metrics and logs with its default settings over OTLP/HTTP to a receiver in the"
            + " benchmark's JVM.");
    line();
    line(
        String.format(
            Locale.ROOT,
            "%d round(s); each round launches every configuration once, starting with a different one"
                + " each round. Per launch: %s of warm-up load per endpoint, then %s of measured"
                + " load per endpoint, closed loop with %d connections from a separate JVM (enough to"
                + " saturate %d cores). Application JVM options: `%s`.",
            settings.rounds(),
            seconds(settings.warmUp().toMillis()),
            seconds(settings.measure().toMillis()),
            settings.connections(),
            input.machine().cores(),
            String.join(" ", settings.jvmOptions())));
    line();
    if (chartFile != null) {
      line("![Ratios to no agent](" + chartFile + ")");
      line();
      line(
          "Bars: median ratio to no agent (log scale; 1 = no agent); whiskers: lowest and highest"
              + " round. For throughput higher is better, for everything else lower is better.");
      line();
    }
    List<AgentUnderTest> agents = input.agents();
    StringBuilder headerRow = new StringBuilder("| Figure |");
    StringBuilder rule = new StringBuilder("|---|");
    for (AgentUnderTest agent : agents) {
      headerRow.append(' ').append(agent.label()).append(" |");
      rule.append("---|");
    }
    for (AgentUnderTest agent : agents) {
      if (agent.isAgent()) {
        headerRow.append(' ').append(shortLabel(agent)).append(" / no agent |");
        rule.append("---|");
      }
    }
    line(
        "Median (lowest–highest round). Ratios divide each round by the median without an agent.");
    line();
    line(headerRow.toString());
    line(rule.toString());
    for (Figure figure : comparison.figures()) {
      StringBuilder row = new StringBuilder("| " + figure.label() + (figure.unit().isEmpty() ? "" : " (" + figure.unit() + ")") + " |");
      for (AgentUnderTest agent : agents) {
        row.append(' ').append(comparison.summary(figure.key(), agent.key()).format(figure.decimals())).append(" |");
      }
      for (AgentUnderTest agent : agents) {
        if (agent.isAgent()) {
          row.append(' ').append(ratio(comparison.ratio(figure.key(), agent.key()))).append(" |");
        }
      }
      line(row.toString());
    }
    line();
  }

  private void startup() {
    ApplicationResults results = input.application();
    line("### Start-up detail");
    line();
    line("| Configuration | Launch to first 200 (ms) | JVM uptime when Spring Boot reported started (s) | Agent's own start-up (ms) |");
    line("|---|---|---|---|");
    for (AgentUnderTest agent : input.agents()) {
      List<RunMeasurement> runs = results.runs().get(agent.key());
      line(
          "| "
              + agent.label()
              + " | "
              + comparison.summary(Figure.STARTUP, agent.key()).format(0)
              + " | "
              + summaryOf(runs.stream().mapToDouble(RunMeasurement::springStartSeconds).toArray(), 2)
              + " | "
              + summaryOf(runs.stream().mapToDouble(RunMeasurement::agentStartMillis).toArray(), 0)
              + " |");
    }
    line();
    line(
        "The agent's own start-up is what Lumen logs at INFO (`Lumen ... started in N ms`, the"
            + " time spent in `premain`); the official agent logs no such figure. The JVM uptime"
            + " is Spring Boot's own \"process running for\" figure: it includes the agent's"
            + " `premain` and the time spent transforming classes while the application starts;"
            + " what follows it until the first 200 is the first request (Spring MVC initializes"
            + " its dispatcher then).");
    InstrumentationProfile lumen = results.profiles().get(AgentUnderTest.LUMEN);
    if (lumen != null && !lumen.agentStartupDetail().isEmpty()) {
      line(
          "Lumen's breakdown from the profiling launch (`-Dotel.javaagent.debug=true`): `"
              + lumen.agentStartupDetail()
              + "`.");
    }
    line();
  }

  private void delivery() {
    ApplicationResults results = input.application();
    line("### Spans produced and received");
    line();
    line(
        "Expected spans = start-up spans + every response of the run (start-up polling, warm-up"
            + " and measured load) × that endpoint's spans per request, from the profile above."
            + " Received = what reached the receiver once the application had exited after SIGTERM"
            + " (agents flush in their shutdown hooks), with the default batch span processor"
            + " (queue 2048, batch 512, 5 s delay).");
    line();
    line("| Configuration | Round | Responses | Spans expected | Spans received | Missing | Log records received | Exited within 30 s of SIGTERM |");
    line("|---|---|---|---|---|---|---|---|");
    for (AgentUnderTest agent : input.agents()) {
      if (!agent.isAgent()) {
        continue;
      }
      for (RunMeasurement run : results.runs().get(agent.key())) {
        long expected = Math.round(run.spansExpected());
        line(
            String.format(
                Locale.ROOT,
                "| %s | %d | %,d | %,d | %,d | %,d | %,d | %s |",
                agent.label(),
                run.round(),
                run.responses(),
                expected,
                run.spansReceived(),
                Math.max(0, expected - run.spansReceived()),
                run.logRecordsReceived(),
                run.exitedCleanly() ? "yes" : "no"));
      }
    }
    line();
  }

  private void micro() {
    line("## Microbenchmarks (JMH)");
    line();
    if (input.microSettings() != null) {
      line(
          String.format(
              Locale.ROOT,
              "JMH 1.37, average time, 1 fork per benchmark and configuration, %d warm-up and %d"
                  + " measured iterations of %s, `-prof gc`; every fork exports to a receiver in"
                  + " the benchmark's JVM. Median (lowest–highest iteration). B/op is what all"
                  + " threads allocated per operation (the agent's export threads included).",
              input.microSettings().warmupIterations(),
              input.microSettings().measurementIterations(),
              seconds(input.microSettings().iterationTime().toMillis())));
      line();
    }
    line("| Benchmark | Configuration | ns/op | × no agent | B/op | B/op added | Telemetry |");
    line("|---|---|---|---|---|---|---|");
    for (Map.Entry<Class<?>, String> benchmark : MicroBenchmarks.BENCHMARKS.entrySet()) {
      String name = benchmark.getKey().getSimpleName();
      Optional<MicroResult> none = micro(name, NONE);
      for (AgentUnderTest agent : input.agents()) {
        Optional<MicroResult> result = micro(name, agent.key());
        if (result.isEmpty()) {
          continue;
        }
        MicroResult r = result.get();
        String timeRatio =
            none.isEmpty() || !agent.isAgent()
                ? ""
                : ratio(r.nanosPerOp().relativeTo(none.get().nanosPerOp()));
        String bytes = r.bytesPerOp() == null ? "?" : r.bytesPerOp().format(0);
        String bytesAdded =
            r.bytesPerOp() == null || none.isEmpty() || none.get().bytesPerOp() == null || !agent.isAgent()
                ? ""
                : String.format(
                    Locale.ROOT, "%+,.0f", r.bytesPerOp().median() - none.get().bytesPerOp().median());
        line(
            "| "
                + benchmark.getValue()
                + " | "
                + agent.label()
                + " | "
                + r.nanosPerOp().format(r.nanosPerOp().median() < 100 ? 1 : 0)
                + " | "
                + timeRatio
                + " | "
                + bytes
                + " | "
                + bytesAdded
                + " | "
                + telemetry(r)
                + " |");
      }
    }
    line();
    line(
        "Telemetry per operation counts warm-up operations too. Microbenchmarks run far faster"
            + " than any real service: the batch processors' queues (2048) overflow and drop by"
            + " design, so fewer than one span or log record per operation does not mean the path"
            + " was uninstrumented, while none at all does.");
    line();
    Optional<MicroResult> classNone = micro(ClassDefinitionBenchmark.class.getSimpleName(), NONE);
    if (classNone.isPresent()) {
      line("### Transformer cost per loaded class");
      line();
      line(
          "`ClassDefinitionBenchmark` defines a fresh application class (a bean with two fields"
              + " and three accessors, distinct name, 1000 classes per class loader) per operation;"
              + " every definition passes through the agent's class file transformer, and none"
              + " matches an instrumentation. Cost per class = median with the agent − median"
              + " without.");
      line();
      for (AgentUnderTest agent : input.agents()) {
        if (!agent.isAgent()) {
          continue;
        }
        micro(ClassDefinitionBenchmark.class.getSimpleName(), agent.key())
            .ifPresent(
                r ->
                    line(
                        String.format(
                            Locale.ROOT,
                            "- %s: %,.0f ns per class (%,.0f ns with, %,.0f ns without).",
                            agent.label(),
                            r.nanosPerOp().median() - classNone.get().nanosPerOp().median(),
                            r.nanosPerOp().median(),
                            classNone.get().nanosPerOp().median())));
      }
      line();
    }
  }

  private String telemetry(MicroResult result) {
    List<String> parts = new ArrayList<>();
    long invocations = result.invocations();
    if (result.benchmark().equals(ExecutorBenchmark.class.getSimpleName()) && invocations > 0) {
      long propagated = result.probe().getOrDefault("propagated", 0L);
      parts.add(
          String.format(
              Locale.ROOT, "span current in the task: %.0f%%", 100.0 * propagated / invocations));
    }
    if (result.spansReceived() > 0 || result.logRecordsReceived() > 0 || !result.agent().equals(NONE)) {
      if (invocations > 0) {
        parts.add(
            String.format(
                Locale.ROOT, "%.3f spans/op", (double) result.spansReceived() / invocations));
        if (result.logRecordsReceived() > 0) {
          parts.add(
              String.format(
                  Locale.ROOT,
                  "%.3f log records/op",
                  (double) result.logRecordsReceived() / invocations));
        }
      } else {
        parts.add(result.spansReceived() + " spans");
      }
    }
    return String.join(", ", parts);
  }

  private Optional<MicroResult> micro(String benchmark, String agent) {
    return input.micro().stream()
        .filter(r -> r.benchmark().equals(benchmark) && r.agent().equals(agent))
        .findFirst();
  }

  private void method() {
    line("## How each figure is measured");
    line();
    line(
        "- **Start-up**: wall time from just before the JVM process is started to the first 200"
            + " response of `GET /users/1`, polled every 20 ms.");
    line(
        "- **Throughput, p50, p99**: a closed-loop load generator in its own JVM"
            + " (`io.lumen.benchmarks.load.LoadGenerator`, JDK `HttpClient`, HTTP/1.1 keep-alive,"
            + " random user ids 1..1000); latencies of every response in an HdrHistogram.");
    line(
        "- **CPU time per request**: user + system time of the application's process"
            + " (`/proc/<pid>/stat`, 10 ms ticks) over the measured phase, divided by its"
            + " responses. All threads count, so the agent's exporter threads do too.");
    line(
        "- **Allocation per request**: a flight recording of only"
            + " `jdk.ThreadAllocationStatistics` (each thread's allocated-bytes counter, the one"
            + " `ThreadMXBean.getThreadAllocatedBytes` reads) started with `jcmd JFR.start` before"
            + " and stopped after the measured phase: per thread the difference between the end and"
            + " the start, summed, divided by the responses. The application is not changed or"
            + " called for it; Flight Recorder is started once during warm-up so its own start-up"
            + " is not counted.");
    line(
        "- **Peak RSS**: `VmHWM` of `/proc/<pid>/status` after the load. **Heap**: `jcmd"
            + " GC.run`, then the used heap from `jcmd GC.heap_info`. **Threads**: `Threads` of"
            + " `/proc/<pid>/status` after warm-up, before any `jcmd` attached.");
    line(
        "- **Spans**: counted as they arrive at the receiver; spans per request and start-up"
            + " spans from the profiling launch.");
    line(
        "- **Microbenchmarks**: JMH with `-prof gc`; each configuration in its own fork with"
            + " `-javaagent`; ns/op median over measured iterations; B/op is JMH's"
            + " `gc.alloc.rate.norm`.");
    line();
  }

  private void rawRuns() {
    ApplicationResults results = input.application();
    line("## Every run");
    line();
    List<Figure> figures = comparison.figures();
    StringBuilder header = new StringBuilder("| Configuration | Round |");
    StringBuilder rule = new StringBuilder("|---|---|");
    for (Figure figure : figures) {
      header.append(' ').append(figure.shortLabel()).append(figure.unit().isEmpty() ? "" : " (" + figure.unit() + ")").append(" |");
      rule.append("---|");
    }
    line(header.toString());
    line(rule.toString());
    for (AgentUnderTest agent : input.agents()) {
      for (RunMeasurement run : results.runs().get(agent.key())) {
        StringBuilder row = new StringBuilder("| " + shortLabel(agent) + " | " + run.round() + " |");
        for (Figure figure : figures) {
          row.append(' ').append(number(figure.value().applyAsDouble(run), figure.decimals())).append(" |");
        }
        line(row.toString());
      }
    }
    line();
  }

  private static String summaryOf(double[] values, int decimals) {
    double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
    return finite.length == 0 ? "–" : Summary.of(finite).format(decimals);
  }

  private static String ratio(Summary ratio) {
    if (ratio.count() == 1) {
      return String.format(Locale.ROOT, "×%.2f", ratio.median());
    }
    return String.format(
        Locale.ROOT, "×%.2f (%.2f–%.2f)", ratio.median(), ratio.min(), ratio.max());
  }

  static String shortLabel(AgentUnderTest agent) {
    switch (agent.key()) {
      case AgentUnderTest.OFFICIAL:
        return "official";
      case AgentUnderTest.LUMEN:
        return "Lumen";
      default:
        return "no agent";
    }
  }

  private static String number(double value, int decimals) {
    return Double.isFinite(value)
        ? String.format(Locale.ROOT, "%,." + decimals + "f", value)
        : "–";
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0
        ? (millis / 1000) + " s"
        : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static String minutes(long seconds) {
    return seconds < 120 ? seconds + " s" : String.format(Locale.ROOT, "%.1f min", seconds / 60.0);
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  private void line() {
    out.append('\n');
  }
}
