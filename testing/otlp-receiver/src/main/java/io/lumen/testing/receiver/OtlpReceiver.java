package io.lumen.testing.receiver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A real OTLP receiver for tests and demos: it listens for OTLP/gRPC and OTLP/HTTP (protobuf or
 * JSON, optionally gzip-compressed), keeps what arrives, and lets a test wait for it.
 *
 * <p>Exporters talk to it exactly as they would to an OpenTelemetry Collector, so a test that
 * passes here has proven the whole path from instrumentation to the wire.
 *
 * <pre>{@code
 * try (OtlpReceiver receiver = OtlpReceiver.start()) {
 *   // point the exporter at receiver.grpcEndpoint() or receiver.httpEndpoint(), do work, then:
 *   ReceivedSpan server = receiver.awaitSpan(s -> s.name().equals("GET /users/{id}"),
 *       Duration.ofSeconds(10));
 *   ReceivedTrace trace = receiver.awaitTrace(s -> s == server, 3, Duration.ofSeconds(10));
 *   System.out.println(trace); // drawn as a tree
 * }
 * }</pre>
 *
 * <p>All methods are thread-safe. Await methods throw {@link AssertionError} on timeout, with a
 * description of everything that did arrive, so a failing test says what it saw.
 */
public final class OtlpReceiver implements AutoCloseable {

  private final TelemetryStore store;
  private final GrpcCollector grpc;
  private final HttpCollector http;
  private final String scheme;

  OtlpReceiver(TelemetryStore store, GrpcCollector grpc, HttpCollector http, boolean tls) {
    this.store = store;
    this.grpc = grpc;
    this.http = http;
    this.scheme = tls ? "https://" : "http://";
  }

  /** Starts a receiver on free ports of 127.0.0.1. */
  public static OtlpReceiver start() {
    return builder().start();
  }

  /** Starts a receiver on the given ports of 127.0.0.1 (0 picks a free port). */
  public static OtlpReceiver start(int grpcPort, int httpPort) {
    return builder().setGrpcPort(grpcPort).setHttpPort(httpPort).start();
  }

  public static OtlpReceiverBuilder builder() {
    return new OtlpReceiverBuilder();
  }

  public int grpcPort() {
    return grpc.port();
  }

  public int httpPort() {
    return http.port();
  }

  /**
   * The OTLP/gRPC endpoint, for example {@code http://127.0.0.1:4317} ({@code https://} with
   * {@linkplain OtlpReceiverBuilder#setTls TLS}).
   */
  public String grpcEndpoint() {
    return scheme + "127.0.0.1:" + grpcPort();
  }

  /**
   * The OTLP/HTTP base endpoint, for example {@code http://127.0.0.1:4318}: the value for {@code
   * OTEL_EXPORTER_OTLP_ENDPOINT}; per-signal endpoints append {@link Signal#httpPath()}.
   */
  public String httpEndpoint() {
    return scheme + "127.0.0.1:" + httpPort();
  }

  // ---- what arrived

  /** All spans received so far, in arrival order. */
  public List<ReceivedSpan> spans() {
    return store.spans();
  }

  /** All spans received so far that match. */
  public List<ReceivedSpan> spans(Predicate<? super ReceivedSpan> predicate) {
    return spans().stream().filter(predicate).collect(Collectors.toUnmodifiableList());
  }

  /** The spans received so far grouped by trace, ordered by each trace's first span. */
  public List<ReceivedTrace> traces() {
    return ReceivedTrace.group(spans());
  }

  /** The spans of trace {@code traceId} received so far. */
  public Optional<ReceivedTrace> trace(String traceId) {
    List<ReceivedSpan> spans = spans(span -> span.traceId().equals(traceId));
    return spans.isEmpty() ? Optional.empty() : Optional.of(ReceivedTrace.of(traceId, spans));
  }

  /** All metrics received so far, one entry per metric per export, in arrival order. */
  public List<ReceivedMetric> metrics() {
    return store.metrics();
  }

  /** All log records received so far, in arrival order. */
  public List<ReceivedLogRecord> logRecords() {
    return store.logRecords();
  }

  /** How many export requests of {@code signal} arrived (over any transport). */
  public int requestCount(Signal signal) {
    return store.requestCount(signal);
  }

  /** The most recent export request of {@code signal}: transport, headers, compression. */
  public Optional<ExportRequest> lastRequest(Signal signal) {
    return store.lastRequest(signal);
  }

  /** The headers of the most recent export of {@code signal} (lower-case names), or empty. */
  public Map<String, List<String>> lastRequestHeaders(Signal signal) {
    return lastRequest(signal).map(ExportRequest::headers).orElse(Map.of());
  }

  /** Forgets everything received so far, for example between tests sharing one receiver. */
  public void reset() {
    store.reset();
  }

  // ---- waiting

  /**
   * Waits until at least {@code count} received spans match, and returns all that match.
   *
   * @throws AssertionError if fewer match within {@code timeout}
   */
  public List<ReceivedSpan> awaitSpans(
      Predicate<? super ReceivedSpan> predicate, int count, Duration timeout) {
    return store.await(
        () -> {
          List<ReceivedSpan> matching = spans(predicate);
          return matching.size() >= count ? Optional.of(matching) : Optional.empty();
        },
        timeout,
        () ->
            "Expected at least " + count + " matching span(s) within " + timeout + " but "
                + spans(predicate).size() + " matched.\n" + describeReceived());
  }

  /** Waits for the first span that matches. */
  public ReceivedSpan awaitSpan(Predicate<? super ReceivedSpan> predicate, Duration timeout) {
    return awaitSpans(predicate, 1, timeout).get(0);
  }

  /** Waits for the first span named {@code name}. */
  public ReceivedSpan awaitSpan(String name, Duration timeout) {
    return awaitSpan(span -> span.name().equals(name), timeout);
  }

  /**
   * Waits until the trace of a span that matches {@code containing} has at least {@code spanCount}
   * spans, and returns it. Spans of one trace may arrive in several exports, so this is how a test
   * gets a whole trace rather than its first batch.
   */
  public ReceivedTrace awaitTrace(
      Predicate<? super ReceivedSpan> containing, int spanCount, Duration timeout) {
    return store.await(
        () ->
            traces().stream()
                .filter(trace -> trace.spans().stream().anyMatch(containing))
                .filter(trace -> trace.spanCount() >= spanCount)
                .findFirst(),
        timeout,
        () ->
            "Expected a trace with at least " + spanCount + " span(s) containing a matching span"
                + " within " + timeout + ".\n" + describeReceived());
  }

  /** Waits for a metric named {@code name} and returns the most recently received one. */
  public ReceivedMetric awaitMetric(String name, Duration timeout) {
    return awaitMetric(metric -> metric.name().equals(name), timeout);
  }

  /** Waits for a metric that matches and returns the most recently received one that does. */
  public ReceivedMetric awaitMetric(Predicate<? super ReceivedMetric> predicate, Duration timeout) {
    return store.await(
        () -> {
          List<ReceivedMetric> matching = new ArrayList<>(metrics());
          matching.removeIf(predicate.negate());
          return matching.isEmpty()
              ? Optional.empty()
              : Optional.of(matching.get(matching.size() - 1));
        },
        timeout,
        () -> "Expected a matching metric within " + timeout + ".\n" + describeReceived());
  }

  /** Waits until at least {@code count} log records match, and returns all that match. */
  public List<ReceivedLogRecord> awaitLogRecords(
      Predicate<? super ReceivedLogRecord> predicate, int count, Duration timeout) {
    return store.await(
        () -> {
          List<ReceivedLogRecord> matching =
              logRecords().stream().filter(predicate).collect(Collectors.toUnmodifiableList());
          return matching.size() >= count ? Optional.of(matching) : Optional.empty();
        },
        timeout,
        () ->
            "Expected at least " + count + " matching log record(s) within " + timeout + ".\n"
                + describeReceived());
  }

  /** Waits for the first log record that matches. */
  public ReceivedLogRecord awaitLogRecord(
      Predicate<? super ReceivedLogRecord> predicate, Duration timeout) {
    return awaitLogRecords(predicate, 1, timeout).get(0);
  }

  /**
   * Everything received so far, for failure messages: the traces as trees, metric names and log
   * records.
   */
  public String describeReceived() {
    StringBuilder out = new StringBuilder();
    List<ReceivedTrace> traces = traces();
    out.append("Received ").append(spans().size()).append(" span(s) in ").append(traces.size())
        .append(" trace(s) (").append(requestCount(Signal.TRACES)).append(" trace export(s))");
    out.append(traces.isEmpty() ? "\n" : ":\n");
    TraceTreePrinter printer = TraceTreePrinter.keyAttributes();
    traces.forEach(trace -> out.append(printer.render(trace)));

    List<ReceivedMetric> metrics = metrics();
    out.append("Received ").append(metrics.size()).append(" metric(s) (")
        .append(requestCount(Signal.METRICS)).append(" metric export(s))");
    String names =
        metrics.stream()
            .map(ReceivedMetric::name)
            .distinct()
            .sorted(Comparator.naturalOrder())
            .collect(Collectors.joining(", "));
    out.append(names.isEmpty() ? "\n" : ": " + names + "\n");

    List<ReceivedLogRecord> logRecords = logRecords();
    out.append("Received ").append(logRecords.size()).append(" log record(s) (")
        .append(requestCount(Signal.LOGS)).append(" log export(s))");
    out.append(logRecords.isEmpty() ? "\n" : ":\n");
    logRecords.forEach(record -> out.append("  ").append(record).append('\n'));
    return out.toString();
  }

  /** Stops both endpoints; exports in flight are cut off. */
  @Override
  public void close() {
    try {
      grpc.close();
    } finally {
      http.close();
    }
  }

  @Override
  public String toString() {
    return "OtlpReceiver{grpc=" + grpcEndpoint() + ", http=" + httpEndpoint() + "}";
  }
}
