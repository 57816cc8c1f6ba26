package io.lumen.sdk.internal.disk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.lumen.sdk.LumenOpenTelemetry;
import io.lumen.sdk.LumenOpenTelemetrySdk;
import io.lumen.sdk.internal.DiskBufferingConfiguration;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk buffering loses nothing across an outage, within one process and across a restart, and
 * while the collector is down an export costs a disk write, not a wait.
 */
class DiskBufferingTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern SPAN_NAME = Pattern.compile("span-[0-9]+");

  @TempDir Path directory;

  @Test
  void everySpanOfAnOutageArrivesOnceTheCollectorIsBack() {
    FakeCollector collector = new FakeCollector();
    SpanExporter exporter =
        DiskBufferedExporters.spans(configuration(directory), collector.exporter());
    int sequence = 0;
    for (int batch = 0; batch < 5; batch++) {
      assertThat(exporter.export(batch(sequence, 10)).join(5, TimeUnit.SECONDS).isSuccess())
          .isTrue();
      sequence += 10;
    }
    assertThat(collector.received()).hasSize(50);

    collector.up = false;
    for (int batch = 0; batch < 40; batch++) {
      CompletableResultCode result = exporter.export(batch(sequence, 25));
      // Kept on disk: the batch queue gets a success and moves on.
      assertThat(result.join(5, TimeUnit.SECONDS).isSuccess()).isTrue();
      sequence += 25;
    }
    int produced = sequence;
    assertThat(collector.received()).hasSize(50);
    assertThat(files(directory.resolve("spans"))).isNotEmpty();

    collector.up = true;
    awaitReceived(collector, produced);
    exporter.shutdown().join(5, TimeUnit.SECONDS);

    List<String> names = collector.received();
    assertThat(names).hasSize(produced).doesNotHaveDuplicates();
    assertThat(collector.failedAttempts).as("the sender retried while the collector was down")
        .isPositive();
  }

  @Test
  void whatIsOnDiskAtExitIsSentByTheNextProcess() throws IOException {
    int deadPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = probe.getLocalPort();
    }
    Map<String, String> properties =
        Map.of(
            "otel.exporter.otlp.protocol", "http/protobuf",
            "otel.exporter.otlp.endpoint", "http://127.0.0.1:" + deadPort,
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none",
            "otel.bsp.schedule.delay", "10",
            "otel.lumen.disk-buffering.enabled", "true",
            "otel.lumen.disk-buffering.directory", directory.toString());
    try (LumenOpenTelemetrySdk first = sdk(properties)) {
      for (int i = 0; i < 300; i++) {
        first.getOpenTelemetrySdk().getTracer("t").spanBuilder("span-" + i).startSpan().end();
      }
      first.flush(TIMEOUT);
    }
    assertThat(files(directory.resolve("spans"))).isNotEmpty();

    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext(
        "/v1/traces",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            // Span names are unique strings in the protobuf payload; no OTLP classes needed (the
            // test class path has two sets of them, protobuf's and Wire's).
            Matcher names =
                SPAN_NAME.matcher(new String(body.readAllBytes(), StandardCharsets.ISO_8859_1));
            while (names.find()) {
              received.add(names.group());
            }
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    collector.start();
    try {
      Map<String, String> second = new java.util.HashMap<>(properties);
      second.put(
          "otel.exporter.otlp.endpoint", "http://127.0.0.1:" + collector.getAddress().getPort());
      try (LumenOpenTelemetrySdk next = sdk(second)) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (received.size() < 300 && System.nanoTime() < deadline) {
          sleep(50);
        }
      }
    } finally {
      collector.stop(0);
    }
    assertThat(received).hasSize(300).doesNotHaveDuplicates();
  }

  @Test
  void theDiskBufferStaysWithinItsSizeBoundDroppingTheOldestFirst() throws IOException {
    FakeCollector collector = new FakeCollector();
    collector.up = false;
    DiskBufferingConfiguration bounded =
        DiskBufferingConfiguration.fromConfig(
            DefaultConfigProperties.createFromMap(
                Map.of(
                    "otel.lumen.disk-buffering.enabled", "true",
                    "otel.lumen.disk-buffering.max-size", "3MB",
                    "otel.lumen.disk-buffering.directory", directory.toString())),
            "test");
    SpanExporter exporter = DiskBufferedExporters.spans(bounded, collector.exporter());
    String tenKilobytes = "x".repeat(10 * 1024);
    for (int batch = 0; batch < 200; batch++) { // about 20 MB
      List<SpanData> spans = new ArrayList<>();
      for (SpanData span : batch(batch * 10, 10)) {
        spans.add(
            TestSpanData.builder()
                .setName(span.getName())
                .setKind(SpanKind.INTERNAL)
                .setStartEpochNanos(1_000)
                .setEndEpochNanos(2_000)
                .setHasEnded(true)
                .setStatus(StatusData.unset())
                .setAttributes(
                    io.opentelemetry.api.common.Attributes.of(
                        AttributeKey.stringKey("payload"), tenKilobytes))
                .build());
      }
      exporter.export(spans).join(5, TimeUnit.SECONDS);
    }
    exporter.shutdown().join(5, TimeUnit.SECONDS);

    long onDisk = 0;
    for (Path file : files(directory.resolve("spans"))) {
      onDisk += Files.size(file);
    }
    // A third of 3 MB per signal, plus the file being written when the bound was checked.
    assertThat(onDisk).isPositive().isLessThanOrEqualTo(1024 * 1024 + 512 * 1024);
  }

  private static LumenOpenTelemetrySdk sdk(Map<String, String> properties) {
    return LumenOpenTelemetry.builder()
        .setShutdownHookEnabled(false)
        .addPropertiesSupplier(() -> properties)
        .build();
  }

  private static DiskBufferingConfiguration configuration(Path directory) {
    return DiskBufferingConfiguration.fromConfig(
        DefaultConfigProperties.createFromMap(
            Map.of(
                "otel.lumen.disk-buffering.enabled", "true",
                "otel.lumen.disk-buffering.directory", directory.toString())),
        "test");
  }

  private static List<SpanData> batch(int first, int count) {
    List<SpanData> spans = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      spans.add(
          TestSpanData.builder()
              .setName("span-" + i)
              .setKind(SpanKind.INTERNAL)
              .setStartEpochNanos(1_000)
              .setEndEpochNanos(2_000)
              .setHasEnded(true)
              .setStatus(StatusData.unset())
              .setAttributes(
                  io.opentelemetry.api.common.Attributes.of(
                      AttributeKey.longKey("sequence"), (long) i))
              .build());
    }
    return spans;
  }

  private static void awaitReceived(FakeCollector collector, int count) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (collector.received().size() < count && System.nanoTime() < deadline) {
      sleep(50);
    }
  }

  private static List<Path> files(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.collect(Collectors.toList());
    } catch (IOException e) {
      return List.of();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A collector that accepts exports while {@link #up} and refuses them otherwise. */
  static final class FakeCollector {
    volatile boolean up = true;
    volatile int failedAttempts;
    private final List<String> names = new CopyOnWriteArrayList<>();

    List<String> received() {
      return new ArrayList<>(names);
    }

    SpanExporter exporter() {
      return new SpanExporter() {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
          if (!up) {
            failedAttempts++;
            return CompletableResultCode.ofFailure();
          }
          spans.forEach(span -> names.add(span.getName()));
          return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
          return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
          return CompletableResultCode.ofSuccess();
        }
      };
    }
  }
}
