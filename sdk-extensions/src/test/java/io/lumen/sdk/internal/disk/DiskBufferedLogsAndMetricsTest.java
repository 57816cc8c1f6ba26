package io.lumen.sdk.internal.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.sdk.internal.DiskBufferingConfiguration;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log records and metric points survive an outage on disk too (their own serializers). */
class DiskBufferedLogsAndMetricsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path directory;

  @Test
  void logRecordsOfAnOutageArrive() {
    Collector<LogRecordData> collector = new Collector<>();
    LogRecordExporter exporter =
        DiskBufferedExporters.logs(
            configuration(),
            new LogRecordExporter() {
              @Override
              public CompletableResultCode export(Collection<LogRecordData> logs) {
                return collector.accept(logs);
              }

              @Override
              public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
              }

              @Override
              public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
              }
            });
    collector.up = false;
    try (SdkLoggerProvider provider =
        SdkLoggerProvider.builder()
            .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))
            .build()) {
      for (int i = 0; i < 200; i++) {
        provider
            .get("test")
            .logRecordBuilder()
            .setSeverity(Severity.INFO)
            .setBody("handled seq=" + i)
            .setAllAttributes(Attributes.builder().put("seq", i).build())
            .emit();
      }
      collector.up = true;
      awaitSize(collector.items, 200);
    }
    List<String> bodies = new ArrayList<>();
    collector.items.forEach(log -> bodies.add(log.getBodyValue().asString()));
    assertThat(bodies).hasSize(200).doesNotHaveDuplicates();
  }

  @Test
  void metricPointsOfAnOutageArrive() {
    Collector<MetricData> collector = new Collector<>();
    MetricExporter exporter =
        DiskBufferedExporters.metrics(
            configuration(),
            new MetricExporter() {
              @Override
              public CompletableResultCode export(Collection<MetricData> metrics) {
                return collector.accept(metrics);
              }

              @Override
              public AggregationTemporality getAggregationTemporality(InstrumentType type) {
                return AggregationTemporality.CUMULATIVE;
              }

              @Override
              public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
              }

              @Override
              public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
              }
            });
    collector.up = false;
    AtomicLong collections = new AtomicLong();
    PeriodicMetricReader reader =
        PeriodicMetricReader.builder(exporter).setInterval(Duration.ofDays(1)).build();
    try (SdkMeterProvider provider = SdkMeterProvider.builder().registerMetricReader(reader).build()) {
      provider
          .get("test")
          .gaugeBuilder("collections")
          .ofLongs()
          .buildWithCallback(m -> m.record(collections.incrementAndGet()));
      for (int i = 0; i < 50; i++) {
        reader.forceFlush().join(5, java.util.concurrent.TimeUnit.SECONDS);
      }
      collector.up = true;
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (gaugeValues(collector.items).size() < 50 && System.nanoTime() < deadline) {
        sleep(50);
      }
    }
    List<Long> values = gaugeValues(collector.items);
    assertThat(values).doesNotHaveDuplicates();
    for (long collection = 1; collection <= 50; collection++) {
      assertThat(values).contains(collection);
    }
  }

  /** The gauge's values; the reader's own metrics (a histogram) are not counted. */
  private static List<Long> gaugeValues(List<MetricData> metrics) {
    List<Long> values = new ArrayList<>();
    for (MetricData metric : metrics) {
      if (metric.getName().equals("collections")) {
        metric.getLongGaugeData().getPoints().forEach(point -> values.add(point.getValue()));
      }
    }
    return values;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private DiskBufferingConfiguration configuration() {
    return DiskBufferingConfiguration.fromConfig(
        DefaultConfigProperties.createFromMap(
            Map.of(
                "otel.lumen.disk-buffering.enabled", "true",
                "otel.lumen.disk-buffering.directory", directory.toString())),
        "test");
  }

  private static void awaitSize(List<?> items, int size) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (items.size() < size && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static final class Collector<T> {
    volatile boolean up = true;
    final List<T> items = new CopyOnWriteArrayList<>();

    CompletableResultCode accept(Collection<T> batch) {
      if (!up) {
        return CompletableResultCode.ofFailure();
      }
      items.addAll(batch);
      return CompletableResultCode.ofSuccess();
    }
  }
}
