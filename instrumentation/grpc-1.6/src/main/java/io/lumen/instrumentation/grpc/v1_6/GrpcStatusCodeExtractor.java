package io.lumen.instrumentation.grpc.v1_6;

import io.grpc.Status;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.semconv.incubating.RpcIncubatingAttributes;
import javax.annotation.Nullable;

/** {@code rpc.grpc.status_code}: the call's final status, or the status of what it failed with. */
final class GrpcStatusCodeExtractor implements AttributesExtractor<GrpcRequest, Status> {

  @Override
  public void onStart(AttributesBuilder attributes, Context parentContext, GrpcRequest request) {}

  @Override
  public void onEnd(
      AttributesBuilder attributes,
      Context context,
      GrpcRequest request,
      @Nullable Status status,
      @Nullable Throwable error) {
    Status effective = status != null ? status : error != null ? Status.fromThrowable(error) : null;
    if (effective != null) {
      attributes.put(
          RpcIncubatingAttributes.RPC_GRPC_STATUS_CODE, (long) effective.getCode().value());
    }
  }
}
