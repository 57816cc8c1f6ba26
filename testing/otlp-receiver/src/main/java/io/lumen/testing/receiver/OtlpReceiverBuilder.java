package io.lumen.testing.receiver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Configures and starts an {@link OtlpReceiver}. */
public final class OtlpReceiverBuilder {

  private String host = "127.0.0.1";
  private int grpcPort;
  private int httpPort;
  private boolean retainTelemetry = true;
  private final List<TelemetryListener> listeners = new ArrayList<>();

  OtlpReceiverBuilder() {}

  /**
   * The address to listen on; {@code 127.0.0.1} by default, {@code 0.0.0.0} to accept exports
   * from containers or other machines.
   */
  public OtlpReceiverBuilder setHost(String host) {
    this.host = host;
    return this;
  }

  /** The OTLP/gRPC port; 0 (the default) picks a free one. */
  public OtlpReceiverBuilder setGrpcPort(int grpcPort) {
    this.grpcPort = grpcPort;
    return this;
  }

  /** The OTLP/HTTP port; 0 (the default) picks a free one. */
  public OtlpReceiverBuilder setHttpPort(int httpPort) {
    this.httpPort = httpPort;
    return this;
  }

  /**
   * Whether to keep what arrives for the query and await methods; true by default. A long-running
   * receiver that only prints through a {@link TelemetryListener} turns this off to bound memory.
   */
  public OtlpReceiverBuilder setRetainTelemetry(boolean retainTelemetry) {
    this.retainTelemetry = retainTelemetry;
    return this;
  }

  /** Adds a listener told about every export as it arrives. */
  public OtlpReceiverBuilder addListener(TelemetryListener listener) {
    listeners.add(listener);
    return this;
  }

  /**
   * Starts both endpoints.
   *
   * @throws UncheckedIOException if a port cannot be bound
   */
  public OtlpReceiver start() {
    TelemetryStore store = new TelemetryStore(retainTelemetry, listeners);
    GrpcCollector grpc;
    try {
      grpc = GrpcCollector.start(host, grpcPort, store);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for OTLP/gRPC on " + host + ":" + grpcPort, e);
    }
    HttpCollector http;
    try {
      http = HttpCollector.start(host, httpPort, store);
    } catch (IOException e) {
      grpc.close();
      throw new UncheckedIOException("cannot listen for OTLP/HTTP on " + host + ":" + httpPort, e);
    }
    return new OtlpReceiver(store, grpc, http);
  }
}
