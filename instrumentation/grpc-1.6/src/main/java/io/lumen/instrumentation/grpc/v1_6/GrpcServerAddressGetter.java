package io.lumen.instrumentation.grpc.v1_6;

import io.opentelemetry.instrumentation.api.semconv.network.ServerAttributesGetter;
import javax.annotation.Nullable;

/**
 * {@code server.address} and {@code server.port} of a client call: the channel's authority, the
 * {@code host:port} (or {@code [ipv6]:port}) the application addressed, as the conventions ask,
 * rather than the socket's peer, which a load balancer or proxy may stand for. An authority without
 * a port (an in-process channel's name, say) gives the address only.
 */
enum GrpcServerAddressGetter implements ServerAttributesGetter<GrpcRequest> {
  INSTANCE;

  @Nullable
  @Override
  public String getServerAddress(GrpcRequest request) {
    String authority = request.authority();
    if (authority == null || authority.isEmpty()) {
      return null;
    }
    int portSeparator = portSeparator(authority);
    String host = portSeparator < 0 ? authority : authority.substring(0, portSeparator);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host.isEmpty() ? null : host;
  }

  @Nullable
  @Override
  public Integer getServerPort(GrpcRequest request) {
    String authority = request.authority();
    if (authority == null) {
      return null;
    }
    int portSeparator = portSeparator(authority);
    if (portSeparator < 0) {
      return null;
    }
    try {
      int port = Integer.parseInt(authority.substring(portSeparator + 1));
      return port > 0 && port <= 65535 ? port : null;
    } catch (NumberFormatException notAPort) {
      return null;
    }
  }

  /** The index of the colon before the port, or -1: an IPv6 literal's colons are in brackets. */
  private static int portSeparator(String authority) {
    int colon = authority.lastIndexOf(':');
    if (colon < 0 || authority.indexOf(']', colon) >= 0) {
      return -1;
    }
    if (authority.indexOf(':') != colon && !authority.startsWith("[")) {
      return -1; // a bare IPv6 address, no port
    }
    return colon;
  }
}
