package io.lumen.instrumentation.grpc.v1_6;

import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/** One gRPC call: its method and its metadata (the headers sent, or received). */
public final class GrpcRequest {

  private final MethodDescriptor<?, ?> method;
  private final Metadata metadata;

  GrpcRequest(MethodDescriptor<?, ?> method, Metadata metadata) {
    this.method = method;
    this.metadata = metadata;
  }

  public MethodDescriptor<?, ?> method() {
    return method;
  }

  public Metadata metadata() {
    return metadata;
  }
}
