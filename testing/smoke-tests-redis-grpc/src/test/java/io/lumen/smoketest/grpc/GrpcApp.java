package io.lumen.smoketest.grpc;

import io.grpc.CallOptions;
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
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * A gRPC server and client in one application (in-process transport, no generated code): a unary
 * call, a server-streaming call and a failing call, each inside a {@code request} span whose
 * {@code scenario} attribute names it. The server prints the {@code traceparent} header it
 * received ({@code CHECK traceparent=...}).
 */
public final class GrpcApp {

  private static final String SERVICE = "lumen.test.Greeter";

  private static final MethodDescriptor.Marshaller<String> TEXT =
      new MethodDescriptor.Marshaller<String>() {
        @Override
        public InputStream stream(String value) {
          return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String parse(InputStream stream) {
          try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            int read;
            while ((read = stream.read(buffer)) > 0) {
              out.write(buffer, 0, read);
            }
            return new String(out.toByteArray(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  static final MethodDescriptor<String, String> SAY_HELLO = method("SayHello", MethodDescriptor.MethodType.UNARY);
  static final MethodDescriptor<String, String> LIST_GREETINGS =
      method("ListGreetings", MethodDescriptor.MethodType.SERVER_STREAMING);
  static final MethodDescriptor<String, String> REFUSE = method("Refuse", MethodDescriptor.MethodType.UNARY);

  private static MethodDescriptor<String, String> method(String name, MethodDescriptor.MethodType type) {
    return MethodDescriptor.<String, String>newBuilder()
        .setType(type)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
        .setRequestMarshaller(TEXT)
        .setResponseMarshaller(TEXT)
        .build();
  }

  public static void main(String[] args) throws Exception {
    String name = "lumen-" + ProcessHandle.current().pid();
    ServerServiceDefinition greeter =
        ServerServiceDefinition.builder(SERVICE)
            .addMethod(
                SAY_HELLO,
                ServerCalls.asyncUnaryCall(
                    (String request, StreamObserver<String> responses) -> {
                      responses.onNext("hello " + request);
                      responses.onCompleted();
                    }))
            .addMethod(
                LIST_GREETINGS,
                ServerCalls.asyncServerStreamingCall(
                    (String request, StreamObserver<String> responses) -> {
                      for (int i = 0; i < 3; i++) {
                        responses.onNext("greeting " + i + " for " + request);
                      }
                      responses.onCompleted();
                    }))
            .addMethod(
                REFUSE,
                ServerCalls.asyncUnaryCall(
                    (String request, StreamObserver<String> responses) ->
                        responses.onError(
                            Status.INVALID_ARGUMENT.withDescription("no").asRuntimeException())))
            .build();
    ServerInterceptor headerCheck =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            System.out.println(
                "CHECK traceparent."
                    + call.getMethodDescriptor().getFullMethodName()
                    + "="
                    + headers.get(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER)));
            return next.startCall(call, headers);
          }
        };
    Server server =
        InProcessServerBuilder.forName(name)
            .addService(ServerInterceptors.intercept(greeter, headerCheck))
            .build()
            .start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
    Tracer tracer = GlobalOpenTelemetry.getTracer("grpc-app");
    try {
      request(tracer, "unary", () ->
          ClientCalls.blockingUnaryCall(channel, SAY_HELLO, CallOptions.DEFAULT, "world"));
      request(tracer, "streaming", () -> {
        Iterator<String> greetings =
            ClientCalls.blockingServerStreamingCall(channel, LIST_GREETINGS, CallOptions.DEFAULT, "you");
        int count = 0;
        while (greetings.hasNext()) {
          greetings.next();
          count++;
        }
        System.out.println("CHECK greetings=" + count);
      });
      request(tracer, "refused", () -> {
        try {
          ClientCalls.blockingUnaryCall(channel, REFUSE, CallOptions.DEFAULT, "please");
          throw new IllegalStateException("Refuse succeeded");
        } catch (StatusRuntimeException expected) {
          // what the scenario is about
        }
      });
    } finally {
      channel.shutdownNow();
      server.shutdownNow();
    }
    System.out.println("DONE");
  }

  private static void request(Tracer tracer, String scenario, Runnable body) {
    Span span = tracer.spanBuilder("request").setAttribute("scenario", scenario).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      body.run();
    } finally {
      span.end();
    }
  }
}
