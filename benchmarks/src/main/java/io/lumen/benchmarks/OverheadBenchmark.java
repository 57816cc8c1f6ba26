package io.lumen.benchmarks;

import io.lumen.benchmarks.app.ApplicationBenchmark;
import io.lumen.benchmarks.app.ApplicationResults;
import io.lumen.benchmarks.app.ApplicationSettings;
import io.lumen.benchmarks.jmh.MicroBenchmarks;
import io.lumen.benchmarks.jmh.MicroBenchmarks.MicroSettings;
import io.lumen.benchmarks.jmh.MicroResult;
import io.lumen.benchmarks.report.Comparison;
import io.lumen.benchmarks.report.Figure;
import io.lumen.benchmarks.report.Machine;
import io.lumen.benchmarks.report.MarkdownReport;
import io.lumen.benchmarks.report.RatioChart;
import io.lumen.benchmarks.report.ReportInput;
import io.lumen.benchmarks.stats.Summary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's entry point, run by {@code ./benchmarks/run.sh}: the application benchmark, the
 * microbenchmarks, then the report ({@code <output>/<date>.md}, a copy as {@code latest.md}, and
 * the chart {@code <date>-ratios.png}).
 *
 * <pre>
 * --quick               a CI-sized run: 1 round, short phases, fewer JMH iterations
 * --rounds N            launches per configuration (default 5)
 * --warmup SECONDS      warm-up load per endpoint (default 5)
 * --measure SECONDS     measured load per endpoint (default 10)
 * --connections N       load generator connections (default 8)
 * --jmh-warmup N        JMH warm-up iterations of 1 s (default 3)
 * --jmh-iterations N    JMH measured iterations of 1 s (default 5)
 * --skip-app | --skip-jmh
 * --java PATH           java of the application and the JMH forks (default: this JVM's)
 * --app-jar PATH --lumen-agent PATH --official-agent PATH --output DIR --work DIR
 * </pre>
 */
public final class OverheadBenchmark {

  private OverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Options options = Options.parse(args);
    OffsetDateTime started = OffsetDateTime.now();
    long startNanos = System.nanoTime();
    Machine machine = Machine.describe(options.java);
    String lumenRevision = lumenRevision(options);
    System.out.printf(
        "[benchmark] %d cores, load average %.2f, %s%n",
        machine.cores(), machine.loadAverage(), machine.jdk());

    // Rebuilding in another terminal during the run must not change what later rounds measure.
    Path jars = options.work.resolve("jars");
    List<AgentUnderTest> agents =
        List.of(
            AgentUnderTest.none(),
            AgentUnderTest.official(snapshot(options.officialAgent, jars.resolve("official"))),
            AgentUnderTest.lumen(snapshot(options.lumenAgent, jars.resolve("lumen"))));
    Path appJar = options.skipApp ? options.appJar : snapshot(options.appJar, jars.resolve("app"));

    ApplicationResults application = null;
    if (!options.skipApp) {
      application =
          new ApplicationBenchmark(
                  new ApplicationSettings(
                      options.java,
                      appJar,
                      ApplicationSettings.DEFAULT_JVM_OPTIONS,
                      options.rounds,
                      Duration.ofSeconds(options.warmupSeconds),
                      Duration.ofSeconds(options.measureSeconds),
                      options.connections,
                      5,
                      options.work.resolve("app")))
              .run(agents);
    }

    MicroSettings microSettings = null;
    List<MicroResult> micro = null;
    if (!options.skipJmh) {
      microSettings =
          new MicroSettings(
              options.jmhWarmup, options.jmhIterations, Duration.ofSeconds(1), options.work.resolve("jmh"));
      micro = new MicroBenchmarks(microSettings).run(agents);
    }

    ReportInput input =
        new ReportInput(
            started,
            Duration.ofNanos(System.nanoTime() - startNanos),
            "./benchmarks/run.sh" + (args.length == 0 ? "" : " " + String.join(" ", args)),
            machine,
            Machine.currentLoadAverage(),
            agents,
            application,
            microSettings,
            micro);
    writeReport(input, options.output, lumenRevision);
  }

  /** Copies {@code jar} into {@code directory}, keeping its name (agents find themselves by it). */
  private static Path snapshot(Path jar, Path directory) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          "no jar at " + jar.toAbsolutePath() + " (run ./benchmarks/run.sh without --no-build)");
    }
    Files.createDirectories(directory);
    return Files.copy(
        jar, directory.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
  }

  private static void writeReport(ReportInput input, Path output, String lumenRevision)
      throws IOException {
    Files.createDirectories(output);
    String date = input.started().format(DateTimeFormatter.ISO_LOCAL_DATE);
    MarkdownReport report = new MarkdownReport(input);
    RatioChart chart = chart(input, report.comparison());
    String chartFile = date + "-ratios.png";
    if (!chart.isEmpty()) {
      chart.write(output.resolve(chartFile));
    }
    String markdown = report.render(chart.isEmpty() ? null : chartFile, lumenRevision);
    Path dated = output.resolve(date + ".md");
    Files.writeString(dated, markdown, StandardCharsets.UTF_8);
    Files.copy(dated, output.resolve("latest.md"), StandardCopyOption.REPLACE_EXISTING);
    System.out.println("[benchmark] report: " + dated.toAbsolutePath());
    System.out.println("[benchmark] chart:  " + output.resolve(chartFile).toAbsolutePath());
  }

  /** The application's ratios in one panel and the microbenchmarks' in another. */
  static RatioChart chart(ReportInput input, Comparison comparison) {
    RatioChart chart = new RatioChart();
    List<AgentUnderTest> agents =
        input.agents().stream().filter(AgentUnderTest::isAgent).toList();
    if (comparison != null) {
      List<String> groups = new ArrayList<>();
      Map<String, List<Summary>> series = new LinkedHashMap<>();
      agents.forEach(agent -> series.put(agent.label(), new ArrayList<>()));
      for (Figure figure : comparison.figures()) {
        groups.add(figure.shortLabel());
        for (AgentUnderTest agent : agents) {
          series.get(agent.label()).add(comparison.ratio(figure.key(), agent.key()));
        }
      }
      chart.add(
          new RatioChart.Panel(
              "Spring Boot app: ratio to no agent (throughput: higher is better; the rest: lower is better)",
              groups,
              series));
    }
    if (input.micro() != null) {
      List<String> groups = new ArrayList<>();
      Map<String, List<Summary>> series = new LinkedHashMap<>();
      agents.forEach(agent -> series.put(agent.label(), new ArrayList<>()));
      for (Class<?> benchmark : MicroBenchmarks.BENCHMARKS.keySet()) {
        String name = benchmark.getSimpleName().replace("Benchmark", "");
        Optional<MicroResult> none = find(input.micro(), name + "Benchmark", AgentUnderTest.NONE);
        groups.add(name + " ns/op");
        groups.add(name + " B/op");
        for (AgentUnderTest agent : agents) {
          Optional<MicroResult> result = find(input.micro(), name + "Benchmark", agent.key());
          series
              .get(agent.label())
              .add(
                  none.isPresent() && result.isPresent()
                      ? result.get().nanosPerOp().relativeTo(none.get().nanosPerOp())
                      : null);
          boolean bytesComparable =
              none.isPresent()
                  && result.isPresent()
                  && none.get().bytesPerOp() != null
                  && result.get().bytesPerOp() != null
                  && none.get().bytesPerOp().median() >= 16;
          series
              .get(agent.label())
              .add(
                  bytesComparable
                      ? result.get().bytesPerOp().relativeTo(none.get().bytesPerOp())
                      : null);
        }
      }
      chart.add(
          new RatioChart.Panel(
              "Microbenchmarks (JMH): ratio to no agent, lower is better", groups, series));
    }
    return chart;
  }

  private static Optional<MicroResult> find(List<MicroResult> micro, String benchmark, String agent) {
    return micro.stream()
        .filter(r -> r.benchmark().equals(benchmark) && r.agent().equals(agent))
        .findFirst();
  }

  /**
   * The commit of the working tree when the run started, and whether Lumen's sources had
   * uncommitted changes: what a jar built just before was built from.
   */
  private static String lumenRevision(Options options) {
    try {
      String commit = git("rev-parse", "--short", "HEAD").strip();
      String changes =
          git("status", "--porcelain", "--", "agent", "bootstrap", "instrumentation", "sdk-extensions")
              .strip();
      if (commit.isEmpty()) {
        return "";
      }
      return "the working tree at commit "
          + commit
          + (changes.isEmpty() ? "" : " with uncommitted changes")
          + (options.lumenAgentGiven ? " (the jar given with --lumen-agent)" : "");
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static String git(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(30, TimeUnit.SECONDS);
    return process.exitValue() == 0 ? output : "";
  }

  /** The command line, parsed. */
  static final class Options {
    int rounds = 5;
    int warmupSeconds = 5;
    int measureSeconds = 10;
    int connections = 8;
    int jmhWarmup = 3;
    int jmhIterations = 5;
    boolean skipApp;
    boolean skipJmh;
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path appJar = Path.of("examples/spring-boot-app/target/spring-boot-app.jar");
    Path lumenAgent = Path.of("agent/target/lumen-javaagent.jar");
    boolean lumenAgentGiven;
    Path officialAgent = Path.of("benchmarks/target/agents/opentelemetry-javaagent.jar");
    Path output = Path.of("docs/benchmarks");
    Path work = Path.of("benchmarks/target/benchmark-work");

    static Options parse(String[] args) {
      Options options = new Options();
      for (String arg : args) {
        if (arg.equals("--quick")) {
          options.rounds = 1;
          options.warmupSeconds = 3;
          options.measureSeconds = 5;
          options.jmhWarmup = 1;
          options.jmhIterations = 2;
        }
      }
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--quick" -> {}
          case "--skip-app" -> options.skipApp = true;
          case "--skip-jmh" -> options.skipJmh = true;
          case "--rounds" -> options.rounds = positive(arg, args, ++i);
          case "--warmup" -> options.warmupSeconds = positive(arg, args, ++i);
          case "--measure" -> options.measureSeconds = positive(arg, args, ++i);
          case "--connections" -> options.connections = positive(arg, args, ++i);
          case "--jmh-warmup" -> options.jmhWarmup = positive(arg, args, ++i);
          case "--jmh-iterations" -> options.jmhIterations = positive(arg, args, ++i);
          case "--java" -> options.java = Path.of(value(arg, args, ++i));
          case "--app-jar" -> options.appJar = Path.of(value(arg, args, ++i));
          case "--lumen-agent" -> {
            options.lumenAgent = Path.of(value(arg, args, ++i));
            options.lumenAgentGiven = true;
          }
          case "--official-agent" -> options.officialAgent = Path.of(value(arg, args, ++i));
          case "--output" -> options.output = Path.of(value(arg, args, ++i));
          case "--work" -> options.work = Path.of(value(arg, args, ++i));
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      return options;
    }

    private static String value(String option, String[] args, int index) {
      if (index >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[index];
    }

    private static int positive(String option, String[] args, int index) {
      int value = Integer.parseInt(value(option, args, index));
      if (value <= 0) {
        throw new IllegalArgumentException(option + " must be positive");
      }
      return value;
    }
  }
}
