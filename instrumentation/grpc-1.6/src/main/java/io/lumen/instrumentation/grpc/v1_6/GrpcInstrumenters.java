package io.lumen.instrumentation.grpc.v1_6;

import io.grpc.Metadata;
import io.grpc.Status;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.instrumentation.api.incubator.semconv.rpc.RpcClientAttributesExtractor;
import io.opentelemetry.instrumentation.api.incubator.semconv.rpc.RpcClientMetrics;
import io.opentelemetry.instrumentation.api.incubator.semconv.rpc.RpcServerAttributesExtractor;
import io.opentelemetry.instrumentation.api.incubator.semconv.rpc.RpcServerMetrics;
import io.opentelemetry.instrumentation.api.incubator.semconv.rpc.RpcSpanNameExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.SpanStatusExtractor;
import io.opentelemetry.instrumentation.api.semconv.network.ClientAttributesExtractor;
import io.opentelemetry.instrumentation.api.semconv.network.NetworkAttributesExtractor;
import io.opentelemetry.instrumentation.api.semconv.network.ServerAttributesExtractor;
import java.util.EnumSet;
import java.util.Set;
import javax.annotation.Nullable;

/** Builds the client and server instrumenters of gRPC calls. */
public final class GrpcInstrumenters {

  /** The instrumentation scope of every gRPC span and metric. */
  public static final String INSTRUMENTATION_NAME = "io.lumen.grpc";

  /** The codes that mean the server failed, per the RPC conventions; others are the caller's. */
  private static final Set<Status.Code> SERVER_ERRORS =
      EnumSet.of(
          Status.Code.UNKNOWN,
          Status.Code.DEADLINE_EXCEEDED,
          Status.Code.UNIMPLEMENTED,
          Status.Code.INTERNAL,
          Status.Code.UNAVAILABLE,
          Status.Code.DATA_LOSS);

  private GrpcInstrumenters() {}

  /**
   * CLIENT spans named {@code pkg.Service/Method}, with {@code server.address}/{@code server.port}
   * from the channel's authority, failed on any status but OK; rpc.client.duration.
   */
  public static Instrumenter<GrpcRequest, Status> client(OpenTelemetry openTelemetry) {
    return Instrumenter.<GrpcRequest, Status>builder(
            openTelemetry,
            INSTRUMENTATION_NAME,
            RpcSpanNameExtractor.create(GrpcRpcAttributesGetter.INSTANCE))
        .addAttributesExtractor(RpcClientAttributesExtractor.create(GrpcRpcAttributesGetter.INSTANCE))
        .addAttributesExtractor(ServerAttributesExtractor.create(GrpcServerAddressGetter.INSTANCE))
        .addAttributesExtractor(new GrpcStatusCodeExtractor())
        .setSpanStatusExtractor(
            (spanStatus, request, status, error) -> {
              if (error != null || (status != null && !status.isOk())) {
                spanStatus.setStatus(StatusCode.ERROR);
              }
            })
        .addOperationMetrics(RpcClientMetrics.get())
        .buildClientInstrumenter(MetadataSetter.INSTANCE);
  }

  /**
   * SERVER spans in the caller's trace (read from the call's metadata), with {@code
   * client.address}/{@code client.port} and {@code network.peer.address}/{@code network.peer.port}
   * where the transport reports the caller's socket address, failed on the statuses that mean a
   * server error; rpc.server.duration.
   */
  public static Instrumenter<GrpcRequest, Status> server(OpenTelemetry openTelemetry) {
    SpanStatusExtractor<GrpcRequest, Status> serverStatus =
        (spanStatus, request, status, error) -> {
          Status effective =
              status != null ? status : error != null ? Status.fromThrowable(error) : null;
          if (effective != null && SERVER_ERRORS.contains(effective.getCode())) {
            spanStatus.setStatus(StatusCode.ERROR);
          }
        };
    return Instrumenter.<GrpcRequest, Status>builder(
            openTelemetry,
            INSTRUMENTATION_NAME,
            RpcSpanNameExtractor.create(GrpcRpcAttributesGetter.INSTANCE))
        .addAttributesExtractor(RpcServerAttributesExtractor.create(GrpcRpcAttributesGetter.INSTANCE))
        .addAttributesExtractor(ClientAttributesExtractor.create(GrpcCallerAddressGetter.INSTANCE))
        .addAttributesExtractor(NetworkAttributesExtractor.create(GrpcCallerAddressGetter.INSTANCE))
        .addAttributesExtractor(new GrpcStatusCodeExtractor())
        .setSpanStatusExtractor(serverStatus)
        .addOperationMetrics(RpcServerMetrics.get())
        .buildServerInstrumenter(MetadataGetter.INSTANCE);
  }

  /** Writes trace context into outgoing metadata as ASCII headers. */
  enum MetadataSetter implements TextMapSetter<GrpcRequest> {
    INSTANCE;

    @Override
    public void set(@Nullable GrpcRequest request, String key, String value) {
      if (request == null) {
        return;
      }
      Metadata.Key<String> header = Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER);
      request.metadata().removeAll(header);
      request.metadata().put(header, value);
    }
  }

  /** Reads trace context from incoming metadata. */
  enum MetadataGetter implements TextMapGetter<GrpcRequest> {
    INSTANCE;

    @Override
    public Iterable<String> keys(GrpcRequest request) {
      return request.metadata().keys();
    }

    @Nullable
    @Override
    public String get(@Nullable GrpcRequest request, String key) {
      if (request == null || key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        return null;
      }
      return request.metadata().get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
    }
  }

}
