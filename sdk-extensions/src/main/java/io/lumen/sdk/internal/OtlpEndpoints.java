package io.lumen.sdk.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;

/**
 * Where a signal's OTLP exporter sends, for messages: its own endpoint, else the general one, else
 * the default for its protocol. Signals sharing the general endpoint get the same text, so that
 * one collector gets one warning.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
final class OtlpEndpoints {

  private OtlpEndpoints() {}

  static String of(ConfigProperties config, String signal) {
    String endpoint = config.getString("otel.exporter.otlp." + signal + ".endpoint");
    if (endpoint == null) {
      endpoint = config.getString("otel.exporter.otlp.endpoint");
    }
    if (endpoint != null) {
      return endpoint.trim();
    }
    String protocol = config.getString("otel.exporter.otlp." + signal + ".protocol");
    if (protocol == null) {
      protocol = config.getString("otel.exporter.otlp.protocol", OtlpProtocolDefaults.GRPC);
    }
    return OtlpProtocolDefaults.HTTP_PROTOBUF.equals(protocol)
        ? "http://localhost:4318"
        : "http://localhost:4317";
  }
}
