package io.lumen.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code OTEL_SDK_DISABLED=true}: the application still runs and propagates context, but nothing
 * is exported: no exporter thread, no connection. A "collector" socket proves the absence of
 * traffic; the control case proves the socket would have seen it.
 */
class DisabledSdkTest {

  private static final TextMapGetter<Map<String, String>> MAP_GETTER =
      new TextMapGetter<Map<String, String>>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  @Test
  void disabledSdkStartsNoExporterAndSendsNothing() throws Exception {
    try (ServerSocket collector = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Set<String> threadsBefore = threadNames();

      try (LumenOpenTelemetrySdk sdk = build(collector, true)) {
        useAllSignals(sdk.getOpenTelemetrySdk());
        assertThat(sdk.flush(Duration.ofSeconds(5))).isTrue();

        assertThat(newExporterThreads(threadsBefore)).isEmpty();

        // Context still flows through: the W3C header of the caller comes out unchanged.
        Map<String, String> inbound = new HashMap<>();
        inbound.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        Context extracted =
            sdk.getOpenTelemetrySdk()
                .getPropagators()
                .getTextMapPropagator()
                .extract(Context.root(), inbound, MAP_GETTER);
        assertThat(Span.fromContext(extracted).getSpanContext().getTraceId())
            .isEqualTo("0af7651916cd43dd8448eb211c80319c");
      }

      collector.setSoTimeout(300);
      assertThatThrownBy(collector::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void controlEnabledSdkDoesConnectToTheSameSocket() throws Exception {
    try (ServerSocket collector = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Set<String> threadsBefore = threadNames();
      try (LumenOpenTelemetrySdk sdk = build(collector, false)) {
        useAllSignals(sdk.getOpenTelemetrySdk());
        assertThat(newExporterThreads(threadsBefore)).isNotEmpty();
        sdk.flush(); // the export starts; the socket never answers
        collector.setSoTimeout(60_000); // generous: only a broken exporter waits this long
        try (Socket connection = collector.accept()) {
          assertThat(connection.isConnected()).isTrue();
        }
      }
    }
  }

  private static LumenOpenTelemetrySdk build(ServerSocket collector, boolean disabled) {
    Map<String, String> properties = new HashMap<>();
    properties.put("otel.sdk.disabled", Boolean.toString(disabled));
    properties.put("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + collector.getLocalPort());
    properties.put("otel.exporter.otlp.timeout", "500");
    properties.put("otel.java.exporter.otlp.retry.disabled", "true");
    return LumenOpenTelemetry.builder()
        .setShutdownHookEnabled(false)
        .addPropertiesSupplier(() -> properties)
        .build();
  }

  private static void useAllSignals(OpenTelemetry openTelemetry) {
    Span span = openTelemetry.getTracer("test").spanBuilder("work").startSpan();
    span.end();
    openTelemetry.getMeter("test").counterBuilder("jobs").build().add(1);
    openTelemetry.getLogsBridge().get("test").logRecordBuilder().setBody("hello").emit();
  }

  private static Set<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .collect(Collectors.toSet());
  }

  /** Threads the SDK's batch processors, metric reader or HTTP client would start. */
  private static List<String> newExporterThreads(Set<String> before) {
    return threadNames().stream()
        .filter(name -> !before.contains(name))
        .filter(
            name ->
                name.contains("BatchSpanProcessor")
                    || name.contains("BatchLogRecordProcessor")
                    || name.contains("PeriodicMetricReader")
                    || name.contains("OkHttp"))
        .collect(Collectors.toList());
  }

}
