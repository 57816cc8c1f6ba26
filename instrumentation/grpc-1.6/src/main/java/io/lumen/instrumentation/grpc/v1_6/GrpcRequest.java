package io.lumen.instrumentation.grpc.v1_6;

import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import javax.annotation.Nullable;

/**
 * One gRPC call: its method, its metadata (the headers sent, or received) and, on the client, the
 * authority of the channel it goes through ({@code host:port}).
 */
public final class GrpcRequest {

  private final MethodDescriptor<?, ?> method;
  private final Metadata metadata;
  @Nullable private final String authority;

  GrpcRequest(MethodDescriptor<?, ?> method, Metadata metadata, @Nullable String authority) {
    this.method = method;
    this.metadata = metadata;
    this.authority = authority;
  }

  public MethodDescriptor<?, ?> method() {
    return method;
  }

  public Metadata metadata() {
    return metadata;
  }

  /** The channel's authority, on the client; null on the server. */
  @Nullable
  public String authority() {
    return authority;
  }
}
