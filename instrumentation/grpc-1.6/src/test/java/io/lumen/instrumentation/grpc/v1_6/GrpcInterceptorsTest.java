package io.lumen.instrumentation.grpc.v1_6;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Attributes;
import io.grpc.CallOptions;
import io.grpc.ForwardingServerCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Library mode: the interceptors on an in-process server and channel, reporting to an in-memory
 * SDK; the server only sees the client's trace through the call's metadata.
 */
class GrpcInterceptorsTest {

  private static final AttributeKey<Long> STATUS_CODE = AttributeKey.longKey("rpc.grpc.status_code");
  private static final AttributeKey<String> CLIENT_ADDRESS =
      AttributeKey.stringKey("client.address");
  private static final AttributeKey<String> PEER_ADDRESS =
      AttributeKey.stringKey("network.peer.address");

  private static final MethodDescriptor.Marshaller<String> TEXT =
      new MethodDescriptor.Marshaller<String>() {
        @Override
        public InputStream stream(String value) {
          return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String parse(InputStream stream) {
          try {
            byte[] bytes = new byte[stream.available()];
            int read = stream.read(bytes);
            return new String(bytes, 0, Math.max(read, 0), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }
      };

  private static final MethodDescriptor<String, String> ECHO =
      MethodDescriptor.<String, String>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName("test.Echo/Say")
          .setRequestMarshaller(TEXT)
          .setResponseMarshaller(TEXT)
          .build();

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk openTelemetry =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws IOException {
    String name = "grpc-interceptors-test-" + System.nanoTime();
    server =
        InProcessServerBuilder.forName(name)
            .addService(
                ServerInterceptors.intercept(
                    echoService(),
                    new TracingServerInterceptor(GrpcInstrumenters.server(openTelemetry))))
            .build()
            .start();
    channel =
        InProcessChannelBuilder.forName(name)
            .intercept(new TracingClientInterceptor(GrpcInstrumenters.client(openTelemetry)))
            .build();
  }

  private static ServerServiceDefinition echoService() {
    return ServerServiceDefinition.builder("test.Echo")
        .addMethod(
            ECHO,
            ServerCalls.asyncUnaryCall(
                (String request, StreamObserver<String> responses) -> {
                  if (request.equals("fail")) {
                    responses.onError(Status.UNAVAILABLE.asRuntimeException());
                    return;
                  }
                  responses.onNext(request);
                  responses.onCompleted();
                }))
        .build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
  }

  /**
   * The finished span of {@code kind}. The server span ends when the server learns the call is
   * over, which may be just after the client returned: it is waited for (up to a minute).
   */
  private SpanData span(SpanKind kind) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (spans.getFinishedSpanItems().stream().noneMatch(span -> span.getKind() == kind)
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    List<SpanData> finished = spans.getFinishedSpanItems();
    return finished.stream()
        .filter(span -> span.getKind() == kind)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " span in " + finished));
  }

  @Test
  void aCallIsAClientSpanWithTheServerSpanAsItsChild() throws InterruptedException {
    assertThat(ClientCalls.blockingUnaryCall(channel, ECHO, CallOptions.DEFAULT, "hi"))
        .isEqualTo("hi");

    SpanData client = span(SpanKind.CLIENT);
    SpanData server = span(SpanKind.SERVER);
    assertThat(client)
        .hasName("test.Echo/Say")
        .hasAttribute(AttributeKey.stringKey("rpc.system"), "grpc")
        .hasAttribute(AttributeKey.stringKey("rpc.service"), "test.Echo")
        .hasAttribute(AttributeKey.stringKey("rpc.method"), "Say")
        .hasAttribute(STATUS_CODE, 0L);
    assertThat(server)
        .hasName("test.Echo/Say")
        .hasTraceId(client.getTraceId())
        .hasParentSpanId(client.getSpanId())
        .hasAttribute(STATUS_CODE, 0L);
    // The in-process transport's caller has no network address.
    assertThat(server.getAttributes().get(CLIENT_ADDRESS)).isNull();
    assertThat(server.getAttributes().get(PEER_ADDRESS)).isNull();
  }

  @Test
  void aServerCallThatCannotTellItsAttributesIsTracedWithoutAnAddress()
      throws InterruptedException, IOException {
    String name = "grpc-interceptors-test-broken-attributes-" + System.nanoTime();
    ServerInterceptor brokenAttributes =
        new ServerInterceptor() {
          @Override
          public <REQ, RESP> ServerCall.Listener<REQ> interceptCall(
              ServerCall<REQ, RESP> call, Metadata headers, ServerCallHandler<REQ, RESP> next) {
            return next.startCall(
                new ForwardingServerCall.SimpleForwardingServerCall<REQ, RESP>(call) {
                  @Override
                  public Attributes getAttributes() {
                    throw new UnsupportedOperationException("no attributes here");
                  }
                },
                headers);
          }
        };
    Server wrapped =
        InProcessServerBuilder.forName(name)
            .addService(
                // The last interceptor sees the call first: the tracing one gets the broken call.
                ServerInterceptors.intercept(
                    echoService(),
                    new TracingServerInterceptor(GrpcInstrumenters.server(openTelemetry)),
                    brokenAttributes))
            .build()
            .start();
    ManagedChannel wrappedChannel = InProcessChannelBuilder.forName(name).build();
    try {
      assertThat(ClientCalls.blockingUnaryCall(wrappedChannel, ECHO, CallOptions.DEFAULT, "hi"))
          .isEqualTo("hi");

      SpanData server = span(SpanKind.SERVER);
      assertThat(server).hasName("test.Echo/Say").hasAttribute(STATUS_CODE, 0L);
      assertThat(server.getAttributes().get(CLIENT_ADDRESS)).isNull();
    } finally {
      wrappedChannel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
      wrapped.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aServerFailureFailsBothSpans() throws InterruptedException {
    assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel, ECHO, CallOptions.DEFAULT, "fail"))
        .isInstanceOf(StatusRuntimeException.class);

    assertThat(span(SpanKind.CLIENT)).hasStatus(StatusData.error()).hasAttribute(STATUS_CODE, 14L);
    assertThat(span(SpanKind.SERVER)).hasStatus(StatusData.error()).hasAttribute(STATUS_CODE, 14L);
  }
}
