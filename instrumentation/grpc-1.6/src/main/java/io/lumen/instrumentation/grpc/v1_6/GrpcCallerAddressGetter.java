package io.lumen.instrumentation.grpc.v1_6;

import io.grpc.Status;
import io.opentelemetry.instrumentation.api.semconv.network.ClientAttributesGetter;
import io.opentelemetry.instrumentation.api.semconv.network.NetworkAttributesGetter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import javax.annotation.Nullable;

/**
 * Where a server call came from: {@code client.address}/{@code client.port} and {@code
 * network.peer.address}/{@code network.peer.port}, both the caller's socket address as the
 * transport reports it: forwarding metadata a proxy may add ({@code x-forwarded-for}) is not read,
 * so behind a proxy the client is the proxy. An IP address, never a host name: a reverse lookup per
 * call would cost a DNS round trip. Only socket addresses of TCP transports (Netty, OkHttp) give any; the in-process
 * transport's do not.
 */
enum GrpcCallerAddressGetter
    implements ClientAttributesGetter<GrpcRequest>, NetworkAttributesGetter<GrpcRequest, Status> {
  INSTANCE;

  @Nullable
  @Override
  public String getClientAddress(GrpcRequest request) {
    return address(request);
  }

  @Nullable
  @Override
  public Integer getClientPort(GrpcRequest request) {
    return port(request);
  }

  @Nullable
  @Override
  public String getNetworkPeerAddress(GrpcRequest request, @Nullable Status status) {
    return address(request);
  }

  @Nullable
  @Override
  public Integer getNetworkPeerPort(GrpcRequest request, @Nullable Status status) {
    return port(request);
  }

  @Nullable
  private static String address(GrpcRequest request) {
    InetSocketAddress peer = inetPeer(request);
    if (peer == null) {
      return null;
    }
    InetAddress address = peer.getAddress();
    return address != null ? address.getHostAddress() : peer.getHostString();
  }

  @Nullable
  private static Integer port(GrpcRequest request) {
    InetSocketAddress peer = inetPeer(request);
    return peer != null && peer.getPort() > 0 ? peer.getPort() : null;
  }

  @Nullable
  private static InetSocketAddress inetPeer(GrpcRequest request) {
    SocketAddress peer = request.peerAddress();
    return peer instanceof InetSocketAddress ? (InetSocketAddress) peer : null;
  }
}
