package io.lumen.smoketest.kubernetes;

import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Jaeger remote-sampling endpoint ({@code jaeger.api_v2.SamplingManager/GetSamplingStrategy}
 * over gRPC) that hands every service a probabilistic strategy, so that {@code jaeger_remote}
 * samplers start against a real endpoint instead of logging connection errors.
 */
final class JaegerSamplingStub implements AutoCloseable {

  private static final String SERVICE = "jaeger.api_v2.SamplingManager";

  private final Server server;
  private final AtomicInteger requests;

  private JaegerSamplingStub(Server server, AtomicInteger requests) {
    this.server = server;
    this.requests = requests;
  }

  /** Serves {@code samplingRate} (0 to 1) to everyone, on a free port of 127.0.0.1. */
  static JaegerSamplingStub start(double samplingRate) {
    byte[] response = probabilisticStrategy(samplingRate);
    AtomicInteger requests = new AtomicInteger();
    MethodDescriptor<byte[], byte[]> method =
        MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(SERVICE + "/GetSamplingStrategy")
            .setRequestMarshaller(RawBytes.INSTANCE)
            .setResponseMarshaller(RawBytes.INSTANCE)
            .build();
    ServerServiceDefinition service =
        ServerServiceDefinition.builder(SERVICE)
            .addMethod(
                method,
                ServerCalls.asyncUnaryCall(
                    (request, observer) -> {
                      requests.incrementAndGet();
                      observer.onNext(response);
                      observer.onCompleted();
                    }))
            .build();
    try {
      Server server =
          NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
              .addService(service)
              .build()
              .start();
      return new JaegerSamplingStub(server, requests);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sampler argument's endpoint, {@code http://127.0.0.1:<port>}. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** How many strategy requests arrived. */
  int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * {@code SamplingStrategyResponse{probabilisticSampling: {samplingRate: rate}}} in protobuf:
   * field 2 (a message) holding field 1 (a double); strategyType 0 (PROBABILISTIC) is the default.
   */
  private static byte[] probabilisticStrategy(double rate) {
    ByteBuffer inner = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN);
    inner.put((byte) ((1 << 3) | 1)); // field 1, 64-bit
    inner.putDouble(rate);
    ByteBuffer outer = ByteBuffer.allocate(2 + 9);
    outer.put((byte) ((2 << 3) | 2)); // field 2, length-delimited
    outer.put((byte) 9);
    outer.put(inner.array());
    return outer.array();
  }

  private enum RawBytes implements MethodDescriptor.Marshaller<byte[]> {
    INSTANCE;

    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
