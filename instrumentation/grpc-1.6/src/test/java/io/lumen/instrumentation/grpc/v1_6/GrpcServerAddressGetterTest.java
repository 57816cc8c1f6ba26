package io.lumen.instrumentation.grpc.v1_6;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code server.address} and {@code server.port} from the authorities channels report. */
class GrpcServerAddressGetterTest {

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

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "none",
      value = {
        "127.0.0.1:50051, 127.0.0.1, 50051",
        "orders.example.com:443, orders.example.com, 443",
        "[::1]:8443, ::1, 8443",
        "[2001:db8::7], 2001:db8::7, none",
        "2001:db8::7, 2001:db8::7, none",
        "localhost, localhost, none",
        "host:notaport, host, none",
        "host:70000, host, none",
      })
  void theAuthorityGivesAddressAndPort(String authority, String address, Integer port) {
    GrpcRequest request = GrpcRequest.clientCall(METHOD, new Metadata(), authority);

    assertThat(GrpcServerAddressGetter.INSTANCE.getServerAddress(request)).isEqualTo(address);
    assertThat(GrpcServerAddressGetter.INSTANCE.getServerPort(request)).isEqualTo(port);
  }

  @ParameterizedTest(name = "authority [{0}]")
  @CsvSource(nullValues = "none", value = {"none", "''"})
  void noAuthorityGivesNeither(String authority) {
    GrpcRequest request = GrpcRequest.clientCall(METHOD, new Metadata(), authority);

    assertThat(GrpcServerAddressGetter.INSTANCE.getServerAddress(request)).isNull();
    assertThat(GrpcServerAddressGetter.INSTANCE.getServerPort(request)).isNull();
  }
}
