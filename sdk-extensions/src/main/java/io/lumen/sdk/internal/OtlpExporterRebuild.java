package io.lumen.sdk.internal;

import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporterBuilder;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporterBuilder;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporterBuilder;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporterBuilder;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Map;
import java.util.function.BiFunction;
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
      result =
          configured(
                  ((OtlpGrpcSpanExporter) exporter).toBuilder(),
                  OtlpGrpcSpanExporterBuilder::setHeaders,
                  OtlpGrpcSpanExporterBuilder::setRetryPolicy)
              .build();
    } else if (exporter instanceof OtlpHttpSpanExporter) {
      result =
          configured(
                  ((OtlpHttpSpanExporter) exporter).toBuilder(),
                  OtlpHttpSpanExporterBuilder::setHeaders,
                  OtlpHttpSpanExporterBuilder::setRetryPolicy)
              .build();
    }
    return replaced(exporter, result);
  }

  MetricExporter apply(MetricExporter exporter) {
    if (!changesAnything()) {
      return exporter;
    }
    MetricExporter result = exporter;
    if (exporter instanceof OtlpGrpcMetricExporter) {
      result =
          configured(
                  ((OtlpGrpcMetricExporter) exporter).toBuilder(),
                  OtlpGrpcMetricExporterBuilder::setHeaders,
                  OtlpGrpcMetricExporterBuilder::setRetryPolicy)
              .build();
    } else if (exporter instanceof OtlpHttpMetricExporter) {
      result =
          configured(
                  ((OtlpHttpMetricExporter) exporter).toBuilder(),
                  OtlpHttpMetricExporterBuilder::setHeaders,
                  OtlpHttpMetricExporterBuilder::setRetryPolicy)
              .build();
    }
    return replaced(exporter, result);
  }

  LogRecordExporter apply(LogRecordExporter exporter) {
    if (!changesAnything()) {
      return exporter;
    }
    LogRecordExporter result = exporter;
    if (exporter instanceof OtlpGrpcLogRecordExporter) {
      result =
          configured(
                  ((OtlpGrpcLogRecordExporter) exporter).toBuilder(),
                  OtlpGrpcLogRecordExporterBuilder::setHeaders,
                  OtlpGrpcLogRecordExporterBuilder::setRetryPolicy)
              .build();
    } else if (exporter instanceof OtlpHttpLogRecordExporter) {
      result =
          configured(
                  ((OtlpHttpLogRecordExporter) exporter).toBuilder(),
                  OtlpHttpLogRecordExporterBuilder::setHeaders,
                  OtlpHttpLogRecordExporterBuilder::setRetryPolicy)
              .build();
    }
    return replaced(exporter, result);
  }

  /**
   * Sets what this rebuild changes on one of the six OTLP exporter builders, which share these two
   * setters but no type that declares them.
   */
  private <B> B configured(
      B builder,
      BiFunction<B, Supplier<Map<String, String>>, B> setHeaders,
      BiFunction<B, RetryPolicy, B> setRetryPolicy) {
    if (headers != null) {
      setHeaders.apply(builder, headers);
    }
    if (withoutRetries) {
      setRetryPolicy.apply(builder, null);
    }
    return builder;
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
