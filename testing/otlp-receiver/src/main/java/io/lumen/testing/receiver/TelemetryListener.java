package io.lumen.testing.receiver;

import java.util.List;

/**
 * Told about every export as it arrives, after it was decoded. The dev receiver prints from here;
 * tests normally use the receiver's query and await methods instead.
 *
 * <p>Called on the receiver's network threads: implementations must be thread-safe and quick.
 */
public interface TelemetryListener {

  default void onSpans(List<ReceivedSpan> spans, ExportRequest request) {}

  default void onMetrics(List<ReceivedMetric> metrics, ExportRequest request) {}

  default void onLogRecords(List<ReceivedLogRecord> logRecords, ExportRequest request) {}
}
