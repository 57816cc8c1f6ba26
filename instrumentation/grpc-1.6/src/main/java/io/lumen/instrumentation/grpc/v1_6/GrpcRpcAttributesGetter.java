package io.lumen.instrumentation.grpc.v1_6;

import io.grpc.MethodDescriptor;
import io.opentelemetry.instrumentation.api.incubator.semconv.rpc.RpcAttributesGetter;
import io.opentelemetry.semconv.incubating.RpcIncubatingAttributes.RpcSystemIncubatingValues;
import javax.annotation.Nullable;

/** {@code rpc.system=grpc}, and service and method from the full method name {@code pkg.Service/Method}. */
enum GrpcRpcAttributesGetter implements RpcAttributesGetter<GrpcRequest, io.grpc.Status> {
  INSTANCE;

  @Override
  public String getSystem(GrpcRequest request) {
    return RpcSystemIncubatingValues.GRPC;
  }

  @Nullable
  @Override
  public String getService(GrpcRequest request) {
    return MethodDescriptor.extractFullServiceName(request.method().getFullMethodName());
  }

  @Nullable
  @Override
  public String getMethod(GrpcRequest request) {
    String fullName = request.method().getFullMethodName();
    int slash = fullName.lastIndexOf('/');
    return slash < 0 ? null : fullName.substring(slash + 1);
  }
}
