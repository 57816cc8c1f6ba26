package io.lumen.instrumentation.grpc.v1_6.agent;

import io.grpc.ManagedChannelBuilder;
import io.grpc.ServerBuilder;
import io.lumen.instrumentation.grpc.v1_6.GrpcInstrumenters;
import io.lumen.instrumentation.grpc.v1_6.TracingClientInterceptor;
import io.lumen.instrumentation.grpc.v1_6.TracingServerInterceptor;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.instrumentation.api.util.VirtualField;

/**
 * The agent's interceptors, and which builders already have them (a builder may be built more
 * than once; its channels must not trace each call twice).
 */
public final class GrpcSingletons {

  private static final TracingClientInterceptor CLIENT_INTERCEPTOR =
      new TracingClientInterceptor(GrpcInstrumenters.client(GlobalOpenTelemetry.get()));
  private static final TracingServerInterceptor SERVER_INTERCEPTOR =
      new TracingServerInterceptor(GrpcInstrumenters.server(GlobalOpenTelemetry.get()));

  @SuppressWarnings("rawtypes")
  private static final VirtualField<ManagedChannelBuilder, Boolean> CHANNEL_BUILDERS =
      VirtualField.find(ManagedChannelBuilder.class, Boolean.class);

  @SuppressWarnings("rawtypes")
  private static final VirtualField<ServerBuilder, Boolean> SERVER_BUILDERS =
      VirtualField.find(ServerBuilder.class, Boolean.class);

  private GrpcSingletons() {}

  static void addClientInterceptor(ManagedChannelBuilder<?> builder) {
    if (CHANNEL_BUILDERS.get(builder) == null) {
      CHANNEL_BUILDERS.set(builder, Boolean.TRUE);
      builder.intercept(CLIENT_INTERCEPTOR);
    }
  }

  static void addServerInterceptor(ServerBuilder<?> builder) {
    if (SERVER_BUILDERS.get(builder) == null) {
      SERVER_BUILDERS.set(builder, Boolean.TRUE);
      builder.intercept(SERVER_INTERCEPTOR);
    }
  }
}
