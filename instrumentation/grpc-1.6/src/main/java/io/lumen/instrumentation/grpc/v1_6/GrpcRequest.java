package io.lumen.instrumentation.grpc.v1_6;

import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.net.SocketAddress;
import javax.annotation.Nullable;

/**
 * One gRPC call: its method, its metadata (the headers sent, or received) and where the other end
 * is: on the client, the authority of the channel the call goes through ({@code host:port}); on the
 * server, the caller's socket address as the transport reports it.
 */
public final class GrpcRequest {

  private final MethodDescriptor<?, ?> method;
  private final Metadata metadata;
  @Nullable private final String authority;
  @Nullable private final SocketAddress peerAddress;

  private GrpcRequest(
      MethodDescriptor<?, ?> method,
      Metadata metadata,
      @Nullable String authority,
      @Nullable SocketAddress peerAddress) {
    this.method = method;
    this.metadata = metadata;
    this.authority = authority;
    this.peerAddress = peerAddress;
  }

  /** A call a client makes through a channel of {@code authority}. */
  static GrpcRequest clientCall(
      MethodDescriptor<?, ?> method, Metadata headers, @Nullable String authority) {
    return new GrpcRequest(method, headers, authority, null);
  }

  /** A call a server received from {@code peerAddress}, if the transport knows it. */
  static GrpcRequest serverCall(
      MethodDescriptor<?, ?> method, Metadata headers, @Nullable SocketAddress peerAddress) {
    return new GrpcRequest(method, headers, null, peerAddress);
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

  /**
   * The caller's address, on the server, from the transport ({@code
   * Grpc.TRANSPORT_ATTR_REMOTE_ADDR}): an {@link java.net.InetSocketAddress} over TCP, something
   * else (or null) for other transports such as the in-process one; null on the client.
   */
  @Nullable
  public SocketAddress peerAddress() {
    return peerAddress;
  }
}
