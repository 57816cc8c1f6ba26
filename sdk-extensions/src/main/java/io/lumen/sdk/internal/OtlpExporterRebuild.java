package io.lumen.sdk.internal;

import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Map;
import java.util.function.Supplier;
import javax.annotation.Nullable;

/**
 * Rebuilds an OTLP exporter autoconfigure made, through its {@code toBuilder()}, with settings
 * autoconfigure has no key for: headers from a supplier (a file), no retries (when the disk does
 * the retrying). The exporter it replaces is shut down.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
final class OtlpExporterRebuild {

  @Nullable private final Supplier<Map<String, String>> headers;
  private final boolean withoutRetries;

  OtlpExporterRebuild(@Nullable Supplier<Map<String, String>> headers, boolean withoutRetries) {
    this.headers = headers;
    this.withoutRetries = withoutRetries;
  }

  boolean changesAnything() {
    return headers != null || withoutRetries;
  }

  SpanExporter apply(SpanExporter exporter) {
    if (!changesAnything()) {
      return exporter;
    }
    SpanExporter result = exporter;
    if (exporter instanceof OtlpGrpcSpanExporter) {
      io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporterBuilder builder =
          ((OtlpGrpcSpanExporter) exporter).toBuilder();
      if (headers != null) {
        builder.setHeaders(headers);
      }
      if (withoutRetries) {
        builder.setRetryPolicy(null);
      }
      result = builder.build();
    } else if (exporter instanceof OtlpHttpSpanExporter) {
      io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder builder =
          ((OtlpHttpSpanExporter) exporter).toBuilder();
      if (headers != null) {
        builder.setHeaders(headers);
      }
      if (withoutRetries) {
        builder.setRetryPolicy(null);
      }
      result = builder.build();
    }
    return replaced(exporter, result);
  }

  MetricExporter apply(MetricExporter exporter) {
    if (!changesAnything()) {
      return exporter;
    }
    MetricExporter result = exporter;
    if (exporter instanceof OtlpGrpcMetricExporter) {
      io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporterBuilder builder =
          ((OtlpGrpcMetricExporter) exporter).toBuilder();
      if (headers != null) {
        builder.setHeaders(headers);
      }
      if (withoutRetries) {
        builder.setRetryPolicy(null);
      }
      result = builder.build();
    } else if (exporter instanceof OtlpHttpMetricExporter) {
      io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporterBuilder builder =
          ((OtlpHttpMetricExporter) exporter).toBuilder();
      if (headers != null) {
        builder.setHeaders(headers);
      }
      if (withoutRetries) {
        builder.setRetryPolicy(null);
      }
      result = builder.build();
    }
    return replaced(exporter, result);
  }

  LogRecordExporter apply(LogRecordExporter exporter) {
    if (!changesAnything()) {
      return exporter;
    }
    LogRecordExporter result = exporter;
    if (exporter instanceof OtlpGrpcLogRecordExporter) {
      io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporterBuilder builder =
          ((OtlpGrpcLogRecordExporter) exporter).toBuilder();
      if (headers != null) {
        builder.setHeaders(headers);
      }
      if (withoutRetries) {
        builder.setRetryPolicy(null);
      }
      result = builder.build();
    } else if (exporter instanceof OtlpHttpLogRecordExporter) {
      io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder builder =
          ((OtlpHttpLogRecordExporter) exporter).toBuilder();
      if (headers != null) {
        builder.setHeaders(headers);
      }
      if (withoutRetries) {
        builder.setRetryPolicy(null);
      }
      result = builder.build();
    }
    return replaced(exporter, result);
  }

  private static <T> T replaced(T original, T result) {
    if (result != original) {
      if (original instanceof SpanExporter) {
        ((SpanExporter) original).shutdown();
      } else if (original instanceof MetricExporter) {
        ((MetricExporter) original).shutdown();
      } else if (original instanceof LogRecordExporter) {
        ((LogRecordExporter) original).shutdown();
      }
    }
    return result;
  }
}
