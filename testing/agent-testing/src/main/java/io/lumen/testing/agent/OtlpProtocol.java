package io.lumen.testing.agent;

import io.lumen.testing.receiver.OtlpReceiver;

/** The OTLP protocols a forked JVM's exporter can use, as {@code OTEL_EXPORTER_OTLP_PROTOCOL}. */
public enum OtlpProtocol {
  GRPC("grpc"),
  HTTP_PROTOBUF("http/protobuf");

  private final String configValue;

  OtlpProtocol(String configValue) {
    this.configValue = configValue;
  }

  /** The value of {@code OTEL_EXPORTER_OTLP_PROTOCOL}. */
  public String configValue() {
    return configValue;
  }

  /** The value of {@code OTEL_EXPORTER_OTLP_ENDPOINT} that reaches {@code receiver}. */
  public String endpoint(OtlpReceiver receiver) {
    return this == GRPC ? receiver.grpcEndpoint() : receiver.httpEndpoint();
  }
}
