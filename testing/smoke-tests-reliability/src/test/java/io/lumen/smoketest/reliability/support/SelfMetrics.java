package io.lumen.smoketest.reliability.support;

import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedDataPoint;
import io.lumen.testing.receiver.ReceivedMetric;
import java.util.HashMap;
import java.util.Map;

/**
 * The SDK's reports on itself ({@code otel.sdk.*}, Lumen's default) as they reached the receiver:
 * the latest value of each cumulative counter, per attribute set.
 */
public final class SelfMetrics {

  private final OtlpReceiver receiver;

  public SelfMetrics(OtlpReceiver receiver) {
    this.receiver = receiver;
  }

  /** Spans the batch processor gave up on: queue full, or export failed. */
  public long droppedSpans() {
    return sumWithErrorType("otel.sdk.processor.span.processed");
  }

  /** Log records the batch processor gave up on. */
  public long droppedLogs() {
    return sumWithErrorType("otel.sdk.processor.log.processed");
  }

  /** Spans dropped because the queue was full. */
  public long queueFullSpans() {
    return sum("otel.sdk.processor.span.processed", "queue_full");
  }

  /** Metric points whose export failed. */
  public long failedMetricPoints() {
    return sumWithErrorType("otel.sdk.exporter.metric_data_point.exported");
  }

  private long sumWithErrorType(String metric) {
    return sum(metric, null);
  }

  /** Sum over attribute sets with an error.type (equal to {@code errorType} if given). */
  private long sum(String metric, String errorType) {
    Map<Map<String, Object>, Long> latest = new HashMap<>();
    for (ReceivedMetric received : receiver.metrics()) {
      if (!received.name().equals(metric)) {
        continue;
      }
      for (ReceivedDataPoint point : received.points()) {
        Object error = point.attributes().get("error.type");
        if (error == null || (errorType != null && !errorType.equals(error))) {
          continue;
        }
        latest.put(point.attributes(), point.value().longValue());
      }
    }
    return latest.values().stream().mapToLong(Long::longValue).sum();
  }
}
