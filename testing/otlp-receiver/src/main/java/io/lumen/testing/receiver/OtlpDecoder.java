package io.lumen.testing.receiver;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Flattens OTLP export requests into received values that carry their resource and scope. */
final class OtlpDecoder {

  private static final HexFormat HEX = HexFormat.of();

  static List<ReceivedSpan> spans(ExportTraceServiceRequest request) {
    List<ReceivedSpan> spans = new ArrayList<>();
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      Map<String, Object> resource = attributes(resourceSpans.getResource().getAttributesList());
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        InstrumentationScope scope = scopeSpans.getScope();
        for (Span span : scopeSpans.getSpansList()) {
          spans.add(span(span, resource, scope));
        }
      }
    }
    return spans;
  }

  private static ReceivedSpan span(
      Span span, Map<String, Object> resource, InstrumentationScope scope) {
    List<ReceivedSpan.Event> events = new ArrayList<>();
    for (Span.Event event : span.getEventsList()) {
      events.add(
          new ReceivedSpan.Event(
              event.getName(), event.getTimeUnixNano(), attributes(event.getAttributesList())));
    }
    List<ReceivedSpan.Link> links = new ArrayList<>();
    for (Span.Link link : span.getLinksList()) {
      links.add(
          new ReceivedSpan.Link(
              hex(link.getTraceId()), hex(link.getSpanId()), attributes(link.getAttributesList())));
    }
    return new ReceivedSpan(
        hex(span.getTraceId()),
        hex(span.getSpanId()),
        span.getParentSpanId().isEmpty() ? null : hex(span.getParentSpanId()),
        span.getTraceState(),
        span.getName(),
        kind(span.getKind()),
        span.getStartTimeUnixNano(),
        span.getEndTimeUnixNano(),
        statusCode(span.getStatus()),
        span.getStatus().getMessage(),
        attributes(span.getAttributesList()),
        events,
        links,
        resource,
        scope.getName(),
        scope.getVersion());
  }

  private static ReceivedSpan.Kind kind(Span.SpanKind kind) {
    switch (kind) {
      case SPAN_KIND_INTERNAL:
        return ReceivedSpan.Kind.INTERNAL;
      case SPAN_KIND_SERVER:
        return ReceivedSpan.Kind.SERVER;
      case SPAN_KIND_CLIENT:
        return ReceivedSpan.Kind.CLIENT;
      case SPAN_KIND_PRODUCER:
        return ReceivedSpan.Kind.PRODUCER;
      case SPAN_KIND_CONSUMER:
        return ReceivedSpan.Kind.CONSUMER;
      default:
        return ReceivedSpan.Kind.UNSPECIFIED;
    }
  }

  private static ReceivedSpan.StatusCode statusCode(Status status) {
    switch (status.getCode()) {
      case STATUS_CODE_OK:
        return ReceivedSpan.StatusCode.OK;
      case STATUS_CODE_ERROR:
        return ReceivedSpan.StatusCode.ERROR;
      default:
        return ReceivedSpan.StatusCode.UNSET;
    }
  }

  static List<ReceivedMetric> metrics(ExportMetricsServiceRequest request) {
    List<ReceivedMetric> metrics = new ArrayList<>();
    for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
      Map<String, Object> resource = attributes(resourceMetrics.getResource().getAttributesList());
      for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
        InstrumentationScope scope = scopeMetrics.getScope();
        for (Metric metric : scopeMetrics.getMetricsList()) {
          metrics.add(metric(metric, resource, scope));
        }
      }
    }
    return metrics;
  }

  private static ReceivedMetric metric(
      Metric metric, Map<String, Object> resource, InstrumentationScope scope) {
    ReceivedMetric.Type type;
    ReceivedMetric.Temporality temporality = ReceivedMetric.Temporality.NONE;
    boolean monotonic = false;
    List<ReceivedDataPoint> points = new ArrayList<>();
    switch (metric.getDataCase()) {
      case GAUGE:
        type = ReceivedMetric.Type.GAUGE;
        metric.getGauge().getDataPointsList().forEach(p -> points.add(numberPoint(p)));
        break;
      case SUM:
        type = ReceivedMetric.Type.SUM;
        temporality = temporality(metric.getSum().getAggregationTemporality());
        monotonic = metric.getSum().getIsMonotonic();
        metric.getSum().getDataPointsList().forEach(p -> points.add(numberPoint(p)));
        break;
      case HISTOGRAM:
        type = ReceivedMetric.Type.HISTOGRAM;
        temporality = temporality(metric.getHistogram().getAggregationTemporality());
        metric.getHistogram().getDataPointsList().forEach(p -> points.add(histogramPoint(p)));
        break;
      case EXPONENTIAL_HISTOGRAM:
        type = ReceivedMetric.Type.EXPONENTIAL_HISTOGRAM;
        temporality = temporality(metric.getExponentialHistogram().getAggregationTemporality());
        metric.getExponentialHistogram().getDataPointsList()
            .forEach(p -> points.add(exponentialHistogramPoint(p)));
        break;
      case SUMMARY:
        type = ReceivedMetric.Type.SUMMARY;
        metric.getSummary().getDataPointsList().forEach(p -> points.add(summaryPoint(p)));
        break;
      default:
        throw new IllegalArgumentException("metric " + metric.getName() + " carries no data");
    }
    return new ReceivedMetric(
        metric.getName(),
        metric.getDescription(),
        metric.getUnit(),
        type,
        temporality,
        monotonic,
        points,
        resource,
        scope.getName(),
        scope.getVersion());
  }

  private static ReceivedMetric.Temporality temporality(AggregationTemporality temporality) {
    switch (temporality) {
      case AGGREGATION_TEMPORALITY_CUMULATIVE:
        return ReceivedMetric.Temporality.CUMULATIVE;
      case AGGREGATION_TEMPORALITY_DELTA:
        return ReceivedMetric.Temporality.DELTA;
      default:
        return ReceivedMetric.Temporality.NONE;
    }
  }

  private static ReceivedDataPoint numberPoint(NumberDataPoint point) {
    Number value =
        point.getValueCase() == NumberDataPoint.ValueCase.AS_INT
            ? (Number) point.getAsInt()
            : (Number) point.getAsDouble();
    return new ReceivedDataPoint(
        attributes(point.getAttributesList()),
        point.getStartTimeUnixNano(),
        point.getTimeUnixNano(),
        value,
        0,
        null,
        null,
        null,
        List.of(),
        List.of());
  }

  private static ReceivedDataPoint histogramPoint(HistogramDataPoint point) {
    return new ReceivedDataPoint(
        attributes(point.getAttributesList()),
        point.getStartTimeUnixNano(),
        point.getTimeUnixNano(),
        null,
        point.getCount(),
        point.hasSum() ? point.getSum() : null,
        point.hasMin() ? point.getMin() : null,
        point.hasMax() ? point.getMax() : null,
        point.getBucketCountsList(),
        point.getExplicitBoundsList());
  }

  private static ReceivedDataPoint exponentialHistogramPoint(ExponentialHistogramDataPoint point) {
    return new ReceivedDataPoint(
        attributes(point.getAttributesList()),
        point.getStartTimeUnixNano(),
        point.getTimeUnixNano(),
        null,
        point.getCount(),
        point.hasSum() ? point.getSum() : null,
        point.hasMin() ? point.getMin() : null,
        point.hasMax() ? point.getMax() : null,
        List.of(),
        List.of());
  }

  private static ReceivedDataPoint summaryPoint(SummaryDataPoint point) {
    return new ReceivedDataPoint(
        attributes(point.getAttributesList()),
        point.getStartTimeUnixNano(),
        point.getTimeUnixNano(),
        null,
        point.getCount(),
        point.getSum(),
        null,
        null,
        List.of(),
        List.of());
  }

  static List<ReceivedLogRecord> logRecords(ExportLogsServiceRequest request) {
    List<ReceivedLogRecord> records = new ArrayList<>();
    for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
      Map<String, Object> resource = attributes(resourceLogs.getResource().getAttributesList());
      for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
        InstrumentationScope scope = scopeLogs.getScope();
        for (LogRecord record : scopeLogs.getLogRecordsList()) {
          records.add(
              new ReceivedLogRecord(
                  record.hasBody() ? value(record.getBody()) : null,
                  record.getSeverityNumberValue(),
                  record.getSeverityText(),
                  record.getEventName(),
                  record.getTraceId().isEmpty() ? null : hex(record.getTraceId()),
                  record.getSpanId().isEmpty() ? null : hex(record.getSpanId()),
                  attributes(record.getAttributesList()),
                  record.getTimeUnixNano(),
                  record.getObservedTimeUnixNano(),
                  resource,
                  scope.getName(),
                  scope.getVersion()));
        }
      }
    }
    return records;
  }

  static Map<String, Object> attributes(List<KeyValue> keyValues) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (KeyValue keyValue : keyValues) {
      attributes.put(keyValue.getKey(), value(keyValue.getValue()));
    }
    return attributes;
  }

  private static Object value(AnyValue value) {
    switch (value.getValueCase()) {
      case STRING_VALUE:
        return value.getStringValue();
      case BOOL_VALUE:
        return value.getBoolValue();
      case INT_VALUE:
        return value.getIntValue();
      case DOUBLE_VALUE:
        return value.getDoubleValue();
      case BYTES_VALUE:
        return value.getBytesValue().toByteArray();
      case ARRAY_VALUE:
        List<Object> values = new ArrayList<>();
        value.getArrayValue().getValuesList().forEach(v -> values.add(value(v)));
        return Collections.unmodifiableList(values);
      case KVLIST_VALUE:
        return Collections.unmodifiableMap(
            attributes(value.getKvlistValue().getValuesList()));
      default:
        return null;
    }
  }

  private static String hex(ByteString bytes) {
    return HEX.formatHex(bytes.toByteArray());
  }

  private OtlpDecoder() {}
}
