package io.lumen.testing.receiver;

/** The three kinds of telemetry an OTLP exporter sends, each to its own service and path. */
public enum Signal {
  TRACES("/v1/traces"),
  METRICS("/v1/metrics"),
  LOGS("/v1/logs");

  private final String httpPath;

  Signal(String httpPath) {
    this.httpPath = httpPath;
  }

  /** The path OTLP/HTTP exporters post this signal to, for example {@code /v1/traces}. */
  public String httpPath() {
    return httpPath;
  }
}
