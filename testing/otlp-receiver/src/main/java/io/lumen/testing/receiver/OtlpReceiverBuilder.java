package io.lumen.testing.receiver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Configures and starts an {@link OtlpReceiver}. */
public final class OtlpReceiverBuilder {

  private String host = "127.0.0.1";
  private int grpcPort;
  private int httpPort;
  private boolean retainTelemetry = true;
  private Path tlsCertificateChain;
  private Path tlsPrivateKey;
  private Path clientCertificateAuthority;
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

  /**
   * Serves both endpoints over TLS, as a collector with a {@code tls} receiver setting does, so a
   * test can prove what an exporter configured with {@code OTEL_EXPORTER_OTLP_CERTIFICATE} sends.
   * The endpoints then start with {@code https://}.
   *
   * @param certificateChain PEM, leaf first; its subject alternative names must cover the address
   *     clients connect to
   * @param privateKey PEM, PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), RSA or EC
   */
  public OtlpReceiverBuilder setTls(Path certificateChain, Path privateKey) {
    this.tlsCertificateChain = certificateChain;
    this.tlsPrivateKey = privateKey;
    return this;
  }

  /**
   * Requires clients to present a certificate issued by this authority (mutual TLS): exports
   * without {@code OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE} and {@code _CLIENT_KEY} are then refused
   * during the handshake. Needs {@link #setTls}.
   *
   * @param certificateAuthority PEM certificate(s) of the issuer(s) to trust
   */
  public OtlpReceiverBuilder setClientCertificateAuthority(Path certificateAuthority) {
    this.clientCertificateAuthority = certificateAuthority;
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
    if (clientCertificateAuthority != null && tlsCertificateChain == null) {
      throw new IllegalStateException("client certificates need TLS: call setTls first");
    }
    ReceiverTls tls =
        tlsCertificateChain == null
            ? null
            : new ReceiverTls(tlsCertificateChain, tlsPrivateKey, clientCertificateAuthority);
    TelemetryStore store = new TelemetryStore(retainTelemetry, listeners);
    GrpcCollector grpc;
    try {
      grpc = GrpcCollector.start(host, grpcPort, store, tls);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for OTLP/gRPC on " + host + ":" + grpcPort, e);
    }
    HttpCollector http;
    try {
      http = HttpCollector.start(host, httpPort, store, tls);
    } catch (IOException e) {
      grpc.close();
      throw new UncheckedIOException("cannot listen for OTLP/HTTP on " + host + ":" + httpPort, e);
    }
    return new OtlpReceiver(store, grpc, http, tls != null);
  }
}
