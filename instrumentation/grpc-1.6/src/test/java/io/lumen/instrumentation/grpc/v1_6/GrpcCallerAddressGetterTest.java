package io.lumen.instrumentation.grpc.v1_6;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.inprocess.InProcessSocketAddress;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/**
 * {@code client.address}/{@code client.port} and {@code network.peer.*} of server calls, from the
 * socket address the transport reports.
 */
class GrpcCallerAddressGetterTest {

  private static final MethodDescriptor.Marshaller<String> IGNORED =
      new MethodDescriptor.Marshaller<String>() {
        @Override
        public InputStream stream(String value) {
          return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public String parse(InputStream stream) {
          return "";
        }
      };

  private static final MethodDescriptor<String, String> METHOD =
      MethodDescriptor.<String, String>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName("test.Echo/Say")
          .setRequestMarshaller(IGNORED)
          .setResponseMarshaller(IGNORED)
          .build();

  private static final GrpcCallerAddressGetter GETTER = GrpcCallerAddressGetter.INSTANCE;

  @Test
  void anIpv4CallerGivesItsAddressAndPort() throws UnknownHostException {
    GrpcRequest request =
        call(new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 51234));

    assertThat(GETTER.getClientAddress(request)).isEqualTo("10.1.2.3");
    assertThat(GETTER.getClientPort(request)).isEqualTo(51234);
    assertThat(GETTER.getNetworkPeerAddress(request, null)).isEqualTo("10.1.2.3");
    assertThat(GETTER.getNetworkPeerPort(request, null)).isEqualTo(51234);
  }

  @Test
  void anIpv6CallerGivesTheAddressWithoutBrackets() throws UnknownHostException {
    GrpcRequest request = call(new InetSocketAddress(InetAddress.getByName("::1"), 40000));

    assertThat(GETTER.getClientAddress(request)).isEqualTo("0:0:0:0:0:0:0:1");
    assertThat(GETTER.getNetworkPeerPort(request, null)).isEqualTo(40000);
  }

  @Test
  void aResolvedNameIsNotLookedUpAgainButTheAddressIsReported() throws UnknownHostException {
    InetAddress named = InetAddress.getByAddress("caller.example", new byte[] {10, 0, 0, 9});
    GrpcRequest request = call(new InetSocketAddress(named, 50000));

    assertThat(GETTER.getClientAddress(request)).isEqualTo("10.0.0.9");
  }

  @Test
  void anUnresolvedAddressGivesItsHostString() {
    GrpcRequest request = call(InetSocketAddress.createUnresolved("caller.example", 50001));

    assertThat(GETTER.getClientAddress(request)).isEqualTo("caller.example");
    assertThat(GETTER.getClientPort(request)).isEqualTo(50001);
  }

  @Test
  void otherTransportsAndClientCallsGiveNothing() {
    for (GrpcRequest request :
        new GrpcRequest[] {
          call(new InProcessSocketAddress("in-process")),
          call(null),
          GrpcRequest.clientCall(METHOD, new Metadata(), "127.0.0.1:50051")
        }) {
      assertThat(GETTER.getClientAddress(request)).isNull();
      assertThat(GETTER.getClientPort(request)).isNull();
      assertThat(GETTER.getNetworkPeerAddress(request, null)).isNull();
      assertThat(GETTER.getNetworkPeerPort(request, null)).isNull();
    }
  }

  private static GrpcRequest call(SocketAddress peer) {
    return GrpcRequest.serverCall(METHOD, new Metadata(), peer);
  }
}
