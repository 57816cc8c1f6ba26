package io.lumen.testing.receiver;

import com.google.protobuf.Message;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The OTLP/gRPC endpoint: the three collector services on one Netty server. */
final class GrpcCollector implements AutoCloseable {

  private static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  /** The request metadata, handed from the interceptor to the service through the gRPC context. */
  private static final Context.Key<Map<String, List<String>>> HEADERS = Context.key("headers");

  private final Server server;

  private GrpcCollector(Server server) {
    this.server = server;
  }

  /** Over TLS when {@code tls} is not null. */
  static GrpcCollector start(String host, int port, TelemetryStore store, ReceiverTls tls)
      throws IOException {
    InetSocketAddress address = new InetSocketAddress(host, port);
    Server server =
        (tls == null
                ? NettyServerBuilder.forAddress(address)
                : NettyServerBuilder.forAddress(address, tls.grpcCredentials()))
            .maxInboundMessageSize(MAX_MESSAGE_BYTES)
            .intercept(new HeaderCapture())
            .addService(new TraceService(store))
            .addService(new MetricsService(store))
            .addService(new LogsService(store))
            .build()
            .start();
    return new GrpcCollector(server);
  }

  int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static <T extends Message> void receive(
      TelemetryStore store, Signal signal, Message request, T response, StreamObserver<T> observer) {
    Map<String, List<String>> headers = HEADERS.get();
    List<String> encoding = headers.get("grpc-encoding");
    store.receive(
        new ExportRequest(
            signal,
            ExportRequest.Transport.GRPC,
            headers,
            encoding == null ? "identity" : encoding.get(0)),
        request);
    observer.onNext(response);
    observer.onCompleted();
  }

  private static final class TraceService extends TraceServiceGrpc.TraceServiceImplBase {
    private final TelemetryStore store;

    TraceService(TelemetryStore store) {
      this.store = store;
    }

    @Override
    public void export(
        ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> observer) {
      receive(
          store, Signal.TRACES, request, ExportTraceServiceResponse.getDefaultInstance(), observer);
    }
  }

  private static final class MetricsService extends MetricsServiceGrpc.MetricsServiceImplBase {
    private final TelemetryStore store;

    MetricsService(TelemetryStore store) {
      this.store = store;
    }

    @Override
    public void export(
        ExportMetricsServiceRequest request,
        StreamObserver<ExportMetricsServiceResponse> observer) {
      receive(
          store,
          Signal.METRICS,
          request,
          ExportMetricsServiceResponse.getDefaultInstance(),
          observer);
    }
  }

  private static final class LogsService extends LogsServiceGrpc.LogsServiceImplBase {
    private final TelemetryStore store;

    LogsService(TelemetryStore store) {
      this.store = store;
    }

    @Override
    public void export(
        ExportLogsServiceRequest request, StreamObserver<ExportLogsServiceResponse> observer) {
      receive(store, Signal.LOGS, request, ExportLogsServiceResponse.getDefaultInstance(), observer);
    }
  }

  /** Copies the ASCII request metadata into the call's context. */
  private static final class HeaderCapture implements ServerInterceptor {
    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
        ServerCall<ReqT, RespT> call, Metadata metadata, ServerCallHandler<ReqT, RespT> next) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String name : metadata.keys()) {
        if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
          continue;
        }
        Iterable<String> values =
            metadata.getAll(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER));
        List<String> list = new ArrayList<>();
        if (values != null) {
          values.forEach(list::add);
        }
        headers.put(name, list);
      }
      return Contexts.interceptCall(
          Context.current().withValue(HEADERS, headers), call, metadata, next);
    }
  }
}
