package io.lumen.testing.receiver;

import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/** The ways the real OTel SDK exporters can reach the receiver, with one test header each. */
enum ExporterProtocol {
  GRPC(ExportRequest.Transport.GRPC, "none"),
  GRPC_GZIP(ExportRequest.Transport.GRPC, "gzip"),
  HTTP_PROTOBUF(ExportRequest.Transport.HTTP_PROTOBUF, "none"),
  HTTP_PROTOBUF_GZIP(ExportRequest.Transport.HTTP_PROTOBUF, "gzip");

  static final String HEADER = "x-lumen-test";
  static final String HEADER_VALUE = "exported-by-sdk";

  final ExportRequest.Transport transport;
  final String compression;

  ExporterProtocol(ExportRequest.Transport transport, String compression) {
    this.transport = transport;
    this.compression = compression;
  }

  boolean compressed() {
    return compression.equals("gzip");
  }

  SpanExporter spanExporter(OtlpReceiver receiver) {
    if (transport == ExportRequest.Transport.GRPC) {
      return OtlpGrpcSpanExporter.builder()
          .setEndpoint(receiver.grpcEndpoint())
          .setCompression(compression)
          .addHeader(HEADER, HEADER_VALUE)
          .build();
    }
    return OtlpHttpSpanExporter.builder()
        .setEndpoint(receiver.httpEndpoint() + Signal.TRACES.httpPath())
        .setCompression(compression)
        .addHeader(HEADER, HEADER_VALUE)
        .build();
  }

  MetricExporter metricExporter(OtlpReceiver receiver) {
    if (transport == ExportRequest.Transport.GRPC) {
      return OtlpGrpcMetricExporter.builder()
          .setEndpoint(receiver.grpcEndpoint())
          .setCompression(compression)
          .addHeader(HEADER, HEADER_VALUE)
          .build();
    }
    return OtlpHttpMetricExporter.builder()
        .setEndpoint(receiver.httpEndpoint() + Signal.METRICS.httpPath())
        .setCompression(compression)
        .addHeader(HEADER, HEADER_VALUE)
        .build();
  }

  LogRecordExporter logRecordExporter(OtlpReceiver receiver) {
    if (transport == ExportRequest.Transport.GRPC) {
      return OtlpGrpcLogRecordExporter.builder()
          .setEndpoint(receiver.grpcEndpoint())
          .setCompression(compression)
          .addHeader(HEADER, HEADER_VALUE)
          .build();
    }
    return OtlpHttpLogRecordExporter.builder()
        .setEndpoint(receiver.httpEndpoint() + Signal.LOGS.httpPath())
        .setCompression(compression)
        .addHeader(HEADER, HEADER_VALUE)
        .build();
  }
}
