package io.lumen.examples.demo;

import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedLogRecord;
import io.lumen.testing.receiver.ReceivedMetric;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.ReceivedTrace;
import io.lumen.testing.receiver.TraceTreePrinter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Lumen demo: what a user sees when the agent is attached to a service.
 *
 * <p>Starts an OTLP receiver in this JVM on free ports (never 4317/4318, where a real collector may
 * listen), forks the users service of {@code examples/demo-app} with {@code -javaagent} and its
 * exporter pointed at that receiver, sends it a few requests (one carrying a W3C {@code
 * traceparent} from an imaginary caller), then prints every trace that arrived as a tree, the
 * names of the metrics that arrived and the service's log records with their trace ids. The orders
 * service the users service calls is down (its {@code ORDERS_URL} names a port nothing listens
 * on). Whatever it started is stopped on the way out, on Ctrl-C too.
 *
 * <pre>
 * java -cp ... io.lumen.examples.demo.Demo [--agent agent/target/lumen-javaagent.jar]
 *     [--app examples/demo-app/target/users-service.jar] [--protocol grpc|http/protobuf]
 *     [--all-attributes]
 * </pre>
 *
 * <p>Exits with 0 when every request produced a server span, the {@code traceparent} was honoured,
 * and the request-duration metric and the service's log records arrived; with 1 otherwise, after
 * printing what did arrive.
 */
public final class Demo implements AutoCloseable {

  /** The W3C Trace Context specification's example ids, standing for a caller of the service. */
  static final String CALLER_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
  static final String CALLER_TRACEPARENT = "00-" + CALLER_TRACE_ID + "-" + CALLER_SPAN_ID + "-01";

  /** The requests sent, in order; the first carries the caller's traceparent. */
  static final List<String> PATHS =
      List.of("/users/42", "/users?limit=2", "/users/99", "/users/13/orders");

  static final String DURATION_METRIC = "http.server.request.duration";

  /** The logger the users service logs each request with. */
  static final String APP_LOGGER = "users-service";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration TELEMETRY_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_BODY_SHOWN = 60;

  private final DemoOptions options;
  private final PrintStream out;
  private OtlpReceiver receiver;
  private ForkedApp app;
  private boolean closed;

  Demo(DemoOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) {
    DemoOptions options;
    try {
      options = DemoOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(DemoOptions.USAGE);
      System.exit(2);
      return;
    }
    Demo demo = new Demo(options, System.out);
    // Ctrl-C and kill end this JVM through its shutdown hooks: the app must not outlive it.
    Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "lumen-demo-shutdown"));
    int exitCode = demo.run();
    demo.close();
    System.exit(exitCode);
  }

  /** Runs the whole demo and returns the process exit code. */
  int run() {
    for (Path jar : List.of(options.agentJar(), options.appJar())) {
      if (!Files.isRegularFile(jar)) {
        out.println("Not found: " + jar + " (build it first: ./demo.sh does)");
        return 1;
      }
    }
    try {
      return demonstrate();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("Interrupted.");
      return 1;
    } catch (RuntimeException | IOException | AssertionError e) {
      if (isClosed()) {
        // Ctrl-C or kill: the shutdown hook stopped the app and the receiver under our feet.
        out.println("Stopped before the end; the app and the receiver are stopped.");
        return 1;
      }
      out.println();
      out.println("Demo FAILED: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      if (receiver != null && !(e instanceof AssertionError)) {
        out.println(receiver.describeReceived());
      }
      return 1;
    } finally {
      close();
    }
  }

  private int demonstrate() throws InterruptedException, IOException {
    synchronized (this) {
      if (closed) {
        return 1;
      }
      receiver = OtlpReceiver.start();
    }
    out.println("OTLP receiver (in this JVM): gRPC " + receiver.grpcEndpoint() + ", HTTP "
        + receiver.httpEndpoint());

    Map<String, String> environment = exporterEnvironment();
    // The orders service of /users/{id}/orders is down: nothing listens where it should be.
    environment.put("ORDERS_URL", "http://127.0.0.1:" + closedPort());
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-javaagent:" + options.agentJar(),
            "-jar",
            options.appJar().toString(),
            "--exit-with-parent");
    out.println("Starting:    " + environment.entrySet().stream()
        .map(variable -> variable.getKey() + "=" + variable.getValue())
        .collect(Collectors.joining(" ")));
    out.println("             java -javaagent:" + options.agentJar() + " -jar " + options.appJar());
    synchronized (this) {
      if (closed) {
        return 1;
      }
      // The user's own OTEL_* settings or JAVA_TOOL_OPTIONS would change what the demo shows.
      app = ForkedApp.start(
          command, List.of("OTEL_", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"), environment, out,
          "  app | ");
    }
    URI base = app.awaitReady(READY_TIMEOUT);

    out.println();
    out.println("Requests:");
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (String path : PATHS) {
      send(client, base, path);
    }

    out.println();
    List<ReceivedSpan> serverSpans =
        receiver.awaitSpans(
            span -> span.kind() == ReceivedSpan.Kind.SERVER, PATHS.size(), TELEMETRY_TIMEOUT);
    List<ReceivedTrace> traces = new ArrayList<>(receiver.traces());
    traces.sort(Comparator.comparingLong(Demo::startOf));
    out.println("Traces received (" + traces.size() + "), as TraceTreePrinter draws them:");
    TraceTreePrinter printer =
        options.allAttributes() ? TraceTreePrinter.allAttributes() : TraceTreePrinter.keyAttributes();
    traces.forEach(trace -> out.print(printer.render(trace)));

    out.println();
    boolean propagated = reportPropagation(serverSpans);
    receiver.awaitMetric(DURATION_METRIC, TELEMETRY_TIMEOUT);
    List<String> metricNames =
        receiver.metrics().stream().map(ReceivedMetric::name).distinct().sorted().toList();
    out.println("Metrics received (" + metricNames.size() + "): " + String.join(", ", metricNames));
    // A line per request, and a warning for the one that failed.
    List<ReceivedLogRecord> requestLogs =
        new ArrayList<>(
            receiver.awaitLogRecords(
                record -> record.scopeName().equals(APP_LOGGER), PATHS.size() + 1,
                TELEMETRY_TIMEOUT));
    requestLogs.sort(Comparator.comparingLong(ReceivedLogRecord::epochNanos));
    out.println("Log records received (" + requestLogs.size() + "), each in the trace of its request:");
    requestLogs.forEach(
        record ->
            out.printf("  %-7s %s (trace %s)%n", record.severityText(), record.bodyAsString(),
                record.traceId()));

    out.println();
    out.println("Stopping the app (pid " + app.pid() + ", SIGTERM)...");
    app.close();
    // 143 is 128 + SIGTERM: how a JVM that ran its shutdown hooks reports a SIGTERM.
    int exitCode = app.exitCode();
    out.println(
        exitCode == 143 || exitCode == 0 ? "Stopped." : "Stopped (exit code " + exitCode + ").");
    if (!propagated) {
      out.println("Demo FAILED: the traceparent header was not honoured.");
      return 1;
    }
    out.println("Demo OK: " + serverSpans.size() + " server spans in " + traces.size()
        + " traces, " + metricNames.size() + " metrics.");
    return 0;
  }

  /** Points the agent's exporters at the receiver, exporting soon rather than every few seconds. */
  private Map<String, String> exporterEnvironment() {
    Map<String, String> environment = new LinkedHashMap<>();
    if (options.protocol().equals("grpc")) {
      environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.grpcEndpoint());
    } else {
      environment.put("OTEL_EXPORTER_OTLP_PROTOCOL", options.protocol());
      environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.httpEndpoint());
    }
    environment.put("OTEL_BSP_SCHEDULE_DELAY", "100");
    environment.put("OTEL_BLRP_SCHEDULE_DELAY", "100");
    environment.put("OTEL_METRIC_EXPORT_INTERVAL", "1000");
    return environment;
  }

  private void send(HttpClient client, URI base, String path)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET();
    boolean fromCaller = path.equals(PATHS.get(0));
    if (fromCaller) {
      request.header("traceparent", CALLER_TRACEPARENT);
    }
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String body = response.body();
    if (body.length() > MAX_BODY_SHOWN) {
      body = body.substring(0, MAX_BODY_SHOWN) + "...";
    }
    out.printf("  GET %-18s -> %d %s%n", path, response.statusCode(), body);
    if (fromCaller) {
      out.printf("  %-22s    (sent with traceparent: %s)%n", "", CALLER_TRACEPARENT);
    }
  }

  /** Whether the server span of the first request continued the caller's trace. */
  private boolean reportPropagation(List<ReceivedSpan> serverSpans) {
    Optional<ReceivedSpan> first =
        serverSpans.stream().filter(span -> "/users/42".equals(span.attribute("url.path")))
            .findFirst();
    boolean propagated =
        first.isPresent()
            && first.get().traceId().equals(CALLER_TRACE_ID)
            && CALLER_SPAN_ID.equals(first.get().parentSpanId());
    if (propagated) {
      out.println("Propagation: the span of GET /users/42 joined the caller's trace "
          + CALLER_TRACE_ID + " as a child of its span " + CALLER_SPAN_ID
          + " (from the traceparent header).");
    } else {
      out.println("Propagation: NOT honoured; the span of GET /users/42 is "
          + first.map(ReceivedSpan::toString).orElse("missing"));
    }
    return propagated;
  }

  /** A port of 127.0.0.1 that nothing listens on (it was free a moment ago). */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static long startOf(ReceivedTrace trace) {
    return trace.spans().stream().mapToLong(ReceivedSpan::startEpochNanos).min().orElse(0);
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  /** Stops the app, then the receiver. Idempotent; also run by the shutdown hook. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (app != null) {
        app.close();
      }
    } finally {
      if (receiver != null) {
        receiver.close();
      }
    }
  }
}
