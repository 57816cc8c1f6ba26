package io.lumen.benchmarks.app;

import io.lumen.benchmarks.AgentUnderTest;
import io.lumen.benchmarks.TelemetryCounter;
import io.lumen.benchmarks.app.InstrumentationProfile.EndpointProfile;
import io.lumen.benchmarks.load.LoadGeneratorProcess;
import io.lumen.benchmarks.load.LoadResult;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedMetric;
import io.lumen.testing.receiver.ReceivedSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs the Spring Boot example app with each configuration, interleaved round by round, and
 * measures what each costs. Every launch exports to a real OTLP receiver in this JVM, so export
 * is part of the cost.
 *
 * <p>One run: launch, poll until the first 200 (start-up), warm up every endpoint under load,
 * count threads, then per endpoint a measured phase of closed-loop load from a separate JVM with
 * the application's CPU time ({@code /proc}) and allocation (a flight recording) around it, then
 * the resident-memory high-water mark and the heap after a full collection ({@code jcmd}), then
 * SIGTERM and the count of spans that arrived.
 */
public final class ApplicationBenchmark {

  /** The endpoint whose cost is one SQL query. */
  public static final String JDBC_ENDPOINT = "/users/{id}";

  /** The endpoint that runs one SQL query and makes one outgoing HTTP call. */
  public static final String PROFILE_ENDPOINT = "/users/{id}/profile";

  public static final List<String> ENDPOINTS = List.of(JDBC_ENDPOINT, PROFILE_ENDPOINT);

  private static final String STARTUP_PATH = "/users/1";
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
  private static final Pattern AGENT_STARTED = Pattern.compile("Lumen \\S+ started in (\\d+) ms");
  private static final Pattern AGENT_STARTUP_DETAIL =
      Pattern.compile("start-up: SDK \\d+ ms, modules \\d+ ms, install \\d+ ms");
  /** Spring Boot's "Started X in 4.2 seconds (process running for 5.1)": the JVM's uptime. */
  private static final Pattern SPRING_STARTED =
      Pattern.compile("Started \\S+ in [0-9.]+ seconds \\(process running for ([0-9.]+)\\)");

  private final ApplicationSettings settings;
  private final Jcmd jcmd;

  public ApplicationBenchmark(ApplicationSettings settings) {
    this.settings = settings;
    this.jcmd = new Jcmd(settings.java());
  }

  /** Profiles each configuration, then measures them in {@code rounds} interleaved rounds. */
  public ApplicationResults run(List<AgentUnderTest> agents) throws InterruptedException {
    try {
      Files.createDirectories(settings.workDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, InstrumentationProfile> profiles = new LinkedHashMap<>();
    for (AgentUnderTest agent : agents) {
      log("profiling what %s instruments", agent.label());
      profiles.put(agent.key(), profile(agent));
    }
    Map<String, List<RunMeasurement>> runs = new LinkedHashMap<>();
    agents.forEach(agent -> runs.put(agent.key(), new ArrayList<>()));
    for (int round = 1; round <= settings.rounds(); round++) {
      // Each round starts with the next configuration, so none is always first after a pause.
      for (int i = 0; i < agents.size(); i++) {
        AgentUnderTest agent = agents.get((i + round - 1) % agents.size());
        log("round %d/%d: %s", round, settings.rounds(), agent.label());
        RunMeasurement run = measure(agent, round, profiles.get(agent.key()));
        runs.get(agent.key()).add(run);
        log(
            "  start-up %.0f ms; %s; RSS peak %d MB; spans %d received of %.0f expected",
            run.startupMillis(),
            run.endpoints().entrySet().stream()
                .map(
                    e ->
                        String.format(
                            "%s %.0f req/s p99 %.1f ms",
                            e.getKey(),
                            e.getValue().load().throughput(),
                            e.getValue().load().p99Micros() / 1000.0))
                .collect(Collectors.joining(", ")),
            run.peakRssKilobytes() / 1024,
            run.spansReceived(),
            run.spansExpected());
      }
    }
    return new ApplicationResults(settings, ENDPOINTS, profiles, runs);
  }

  /**
   * Observes what one configuration produces per request: a launch with the batch processors'
   * delays cut to 50 ms, a few sequential requests per endpoint, and the spans that arrived
   * after each endpoint's requests. Lumen also runs with {@code otel.javaagent.debug=true} here,
   * for its start-up breakdown; none of this launch is measured.
   */
  InstrumentationProfile profile(AgentUnderTest agent) throws InterruptedException {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      Map<String, String> environment = new HashMap<>(exportEnvironment(receiver));
      environment.put("OTEL_BSP_SCHEDULE_DELAY", "50");
      environment.put("OTEL_BLRP_SCHEDULE_DELAY", "50");
      List<String> jvmOptions = new ArrayList<>(settings.jvmOptions());
      if (agent.key().equals(AgentUnderTest.LUMEN)) {
        jvmOptions.add("-Dotel.javaagent.debug=true");
      }
      Path log = settings.workDirectory().resolve(agent.key() + "-profile.log");
      try (ApplicationProcess app =
          ApplicationProcess.start(
              settings.java(), agent, jvmOptions, settings.appJar(), freePort(), environment, log)) {
        app.awaitFirstSuccess(STARTUP_PATH, STARTUP_TIMEOUT);
        TelemetryCounter.awaitQuiet(
            () -> receiver.spans().size(), Duration.ofSeconds(2), Duration.ofSeconds(30));
        int beforeRequests = receiver.spans().size();
        Map<String, EndpointProfile> endpoints = new LinkedHashMap<>();
        for (String endpoint : ENDPOINTS) {
          endpoints.put(endpoint, profileEndpoint(app, receiver, endpoint));
        }
        double startupSpans =
            beforeRequests
                - app.responsesWhileStarting() * endpoints.get(JDBC_ENDPOINT).spansPerRequest();
        app.stop(Duration.ofSeconds(30));
        // Metrics are exported every minute by default, and at shutdown.
        TelemetryCounter.awaitQuiet(
            () -> receiver.metrics().size(), Duration.ofSeconds(1), Duration.ofSeconds(10));
        List<String> metricNames =
            receiver.metrics().stream().map(ReceivedMetric::name).distinct().sorted().toList();
        Matcher detail = AGENT_STARTUP_DETAIL.matcher(app.output());
        return new InstrumentationProfile(
            agent.key(),
            startupSpans,
            endpoints,
            metricNames,
            detail.find() ? detail.group() : "");
      }
    }
  }

  private EndpointProfile profileEndpoint(
      ApplicationProcess app, OtlpReceiver receiver, String endpoint) throws InterruptedException {
    int spansBefore = receiver.spans().size();
    int logsBefore = receiver.logRecords().size();
    int requests = settings.calibrationRequests();
    for (int i = 1; i <= requests; i++) {
      try {
        app.get(endpoint.replace("{id}", Integer.toString(i)));
      } catch (IOException e) {
        throw new UncheckedIOException("profiling request to " + endpoint + " failed", e);
      }
    }
    TelemetryCounter.awaitQuiet(
        () -> receiver.spans().size() + receiver.logRecords().size(),
        Duration.ofSeconds(2),
        Duration.ofSeconds(30));
    List<ReceivedSpan> spans = receiver.spans();
    spans = spans.subList(spansBefore, spans.size());
    Map<String, Integer> names = new TreeMap<>();
    spans.forEach(span -> names.merge(span.kind() + " " + span.name(), 1, Integer::sum));
    long traces = spans.stream().map(ReceivedSpan::traceId).distinct().count();
    List<String> described = new ArrayList<>();
    names.forEach(
        (name, count) ->
            described.add(
                count == requests ? name : name + " ×" + format((double) count / requests)));
    return new EndpointProfile(
        (double) spans.size() / requests,
        (double) traces / requests,
        (double) (receiver.logRecords().size() - logsBefore) / requests,
        described);
  }

  private RunMeasurement measure(AgentUnderTest agent, int round, InstrumentationProfile profile)
      throws InterruptedException {
    TelemetryCounter counter = new TelemetryCounter();
    try (OtlpReceiver receiver =
        OtlpReceiver.builder().setRetainTelemetry(false).addListener(counter).start()) {
      Path log = settings.workDirectory().resolve(agent.key() + "-round" + round + ".log");
      int port = freePort();
      try (ApplicationProcess app =
          ApplicationProcess.start(
              settings.java(),
              agent,
              settings.jvmOptions(),
              settings.appJar(),
              port,
              exportEnvironment(receiver),
              log)) {
        double startupMillis = app.awaitFirstSuccess(STARTUP_PATH, STARTUP_TIMEOUT).toNanos() / 1e6;
        long pid = app.pid();
        Map<String, Long> responses = new HashMap<>();
        Map<String, EndpointMeasurement> endpoints = new LinkedHashMap<>();
        int threads;
        try (LoadGeneratorProcess load =
            LoadGeneratorProcess.start(settings.java(), app.baseUrl(), settings.connections())) {
          for (String endpoint : ENDPOINTS) {
            LoadResult warmUp = load.run(endpoint, settings.warmUp());
            responses.merge(endpoint, warmUp.responses(), Long::sum);
          }
          threads = ProcessSnapshot.read(pid).threads();
          AllocationRecording.warmUp(jcmd, pid, settings.workDirectory());
          for (String endpoint : ENDPOINTS) {
            AllocationRecording recording =
                AllocationRecording.start(jcmd, pid, settings.workDirectory(), agent.key());
            ProcessSnapshot before = ProcessSnapshot.read(pid);
            LoadResult result = load.run(endpoint, settings.measure());
            ProcessSnapshot after = ProcessSnapshot.read(pid);
            long allocated = recording.stop();
            responses.merge(endpoint, result.responses(), Long::sum);
            double perRequest = Math.max(1, result.responses());
            endpoints.put(
                endpoint,
                new EndpointMeasurement(
                    result,
                    ProcessSnapshot.cpuMicrosBetween(before, after) / perRequest,
                    allocated / perRequest));
          }
        }
        long peakRss = ProcessSnapshot.read(pid).peakRssKilobytes();
        long heapUsed = jcmd.heapUsedAfterGcKilobytes(pid);
        boolean exited = app.stop(Duration.ofSeconds(30));
        // The exporters' last batch was sent before the JVM exited; let the receiver finish it.
        TelemetryCounter.awaitQuiet(counter::spans, Duration.ofSeconds(1), Duration.ofSeconds(10));

        double expected = profile.startupSpans();
        expected += app.responsesWhileStarting() * profile.spansPerRequest(JDBC_ENDPOINT);
        long allResponses = app.responsesWhileStarting();
        for (Map.Entry<String, Long> entry : responses.entrySet()) {
          expected += entry.getValue() * profile.spansPerRequest(entry.getKey());
          allResponses += entry.getValue();
        }
        String output = app.output();
        return new RunMeasurement(
            agent.key(),
            round,
            startupMillis,
            firstNumber(AGENT_STARTED, output),
            firstNumber(SPRING_STARTED, output),
            endpoints,
            threads,
            peakRss,
            heapUsed,
            allResponses,
            expected,
            counter.spans(),
            counter.logRecords(),
            exited);
      }
    }
  }

  /** The same export settings for both agents: OTLP over HTTP/protobuf to {@code receiver}. */
  private static Map<String, String> exportEnvironment(OtlpReceiver receiver) {
    return Map.of(
        "OTEL_SERVICE_NAME", "spring-boot-app",
        "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.httpEndpoint(),
        "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
  }

  private static double firstNumber(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.2f", value);
  }

  private static void log(String format, Object... arguments) {
    System.out.println("[benchmark] " + String.format(format, arguments));
  }
}
