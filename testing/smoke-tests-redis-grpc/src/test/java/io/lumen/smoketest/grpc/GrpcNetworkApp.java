package io.lumen.smoketest.grpc;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An order service on gRPC over TCP, run as two processes: {@code server} listens on a free port
 * of 127.0.0.1 with whatever transport is on the class path (Netty) and prints {@code READY
 * port=<port>}; {@code client <port>} calls it through a plaintext channel, each scenario inside a
 * span {@code request} of its own (attribute {@code scenario}), then prints {@code DONE} and exits:
 *
 * <ul>
 *   <li>{@code unary}: {@code GetOrder};
 *   <li>{@code server-streaming}: {@code ListOrders}, three responses;
 *   <li>{@code client-streaming}: {@code UploadOrders}, three requests, one response;
 *   <li>{@code bidi-streaming}: {@code Chat}, each of three requests answered;
 *   <li>{@code refused}: {@code Refuse}, answered {@code INVALID_ARGUMENT} (the caller's fault);
 *   <li>{@code crashed}: {@code Crash}, whose handler throws, so gRPC answers {@code UNKNOWN}.
 * </ul>
 *
 * Uses only API that gRPC 1.6 has too; {@code usePlaintext} changed signature on the way, so it is
 * called reflectively.
 */
public final class GrpcNetworkApp {

  static final String SERVICE = "lumen.test.Orders";

  private static final MethodDescriptor.Marshaller<String> TEXT =
      new MethodDescriptor.Marshaller<String>() {
        @Override
        public InputStream stream(String value) {
          return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String parse(InputStream stream) {
          try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
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

  static final MethodDescriptor<String, String> GET_ORDER =
      method("GetOrder", MethodDescriptor.MethodType.UNARY);
  static final MethodDescriptor<String, String> LIST_ORDERS =
      method("ListOrders", MethodDescriptor.MethodType.SERVER_STREAMING);
  static final MethodDescriptor<String, String> UPLOAD_ORDERS =
      method("UploadOrders", MethodDescriptor.MethodType.CLIENT_STREAMING);
  static final MethodDescriptor<String, String> CHAT =
      method("Chat", MethodDescriptor.MethodType.BIDI_STREAMING);
  static final MethodDescriptor<String, String> REFUSE =
      method("Refuse", MethodDescriptor.MethodType.UNARY);
  static final MethodDescriptor<String, String> CRASH =
      method("Crash", MethodDescriptor.MethodType.UNARY);

  private GrpcNetworkApp() {}

  private static MethodDescriptor<String, String> method(
      String name, MethodDescriptor.MethodType type) {
    return MethodDescriptor.<String, String>newBuilder()
        .setType(type)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
        .setRequestMarshaller(TEXT)
        .setResponseMarshaller(TEXT)
        .build();
  }

  public static void main(String[] args) throws Exception {
    if (args[0].equals("server")) {
      serve();
    } else {
      call(Integer.parseInt(args[1]));
    }
  }

  private static void serve() throws Exception {
    ServerServiceDefinition orders =
        ServerServiceDefinition.builder(SERVICE)
            .addMethod(
                GET_ORDER,
                ServerCalls.asyncUnaryCall(
                    (String id, StreamObserver<String> responses) -> {
                      responses.onNext("order " + id);
                      responses.onCompleted();
                    }))
            .addMethod(
                LIST_ORDERS,
                ServerCalls.asyncServerStreamingCall(
                    (String customer, StreamObserver<String> responses) -> {
                      for (int i = 1; i <= 3; i++) {
                        responses.onNext("order " + i + " of " + customer);
                      }
                      responses.onCompleted();
                    }))
            .addMethod(
                UPLOAD_ORDERS,
                ServerCalls.asyncClientStreamingCall(
                    (StreamObserver<String> responses) ->
                        new StreamObserver<String>() {
                          private int count;

                          @Override
                          public void onNext(String order) {
                            count++;
                          }

                          @Override
                          public void onError(Throwable error) {}

                          @Override
                          public void onCompleted() {
                            responses.onNext("stored " + count);
                            responses.onCompleted();
                          }
                        }))
            .addMethod(
                CHAT,
                ServerCalls.asyncBidiStreamingCall(
                    (StreamObserver<String> responses) ->
                        new StreamObserver<String>() {
                          @Override
                          public void onNext(String question) {
                            responses.onNext("re: " + question);
                          }

                          @Override
                          public void onError(Throwable error) {}

                          @Override
                          public void onCompleted() {
                            responses.onCompleted();
                          }
                        }))
            .addMethod(
                REFUSE,
                ServerCalls.asyncUnaryCall(
                    (String id, StreamObserver<String> responses) ->
                        responses.onError(
                            Status.INVALID_ARGUMENT
                                .withDescription("no order " + id)
                                .asRuntimeException())))
            .addMethod(
                CRASH,
                ServerCalls.asyncUnaryCall(
                    (String id, StreamObserver<String> responses) -> {
                      throw new IllegalStateException("order store down");
                    }))
            .build();
    Server server = ServerBuilder.forPort(0).addService(orders).build().start();
    System.out.println("READY port=" + server.getPort());
    System.out.flush();
    server.awaitTermination();
  }

  private static void call(int port) throws Exception {
    ManagedChannel channel = plaintext(ManagedChannelBuilder.forAddress("127.0.0.1", port)).build();
    Tracer tracer = GlobalOpenTelemetry.getTracer("grpc-client-app");
    try {
      request(
          tracer,
          "unary",
          () ->
              System.out.println(
                  "CHECK unary="
                      + ClientCalls.blockingUnaryCall(
                          channel, GET_ORDER, CallOptions.DEFAULT, "42")));
      request(
          tracer,
          "server-streaming",
          () -> {
            Iterator<String> orders =
                ClientCalls.blockingServerStreamingCall(
                    channel, LIST_ORDERS, CallOptions.DEFAULT, "ada");
            int count = 0;
            while (orders.hasNext()) {
              orders.next();
              count++;
            }
            System.out.println("CHECK server-streaming=" + count);
          });
      request(
          tracer,
          "client-streaming",
          () -> {
            Responses responses = new Responses();
            StreamObserver<String> uploads =
                ClientCalls.asyncClientStreamingCall(
                    channel.newCall(UPLOAD_ORDERS, CallOptions.DEFAULT), responses);
            for (int i = 1; i <= 3; i++) {
              uploads.onNext("order " + i);
            }
            uploads.onCompleted();
            System.out.println("CHECK client-streaming=" + responses.await());
          });
      request(
          tracer,
          "bidi-streaming",
          () -> {
            Responses responses = new Responses();
            StreamObserver<String> questions =
                ClientCalls.asyncBidiStreamingCall(
                    channel.newCall(CHAT, CallOptions.DEFAULT), responses);
            for (int i = 1; i <= 3; i++) {
              questions.onNext("question " + i);
            }
            questions.onCompleted();
            System.out.println("CHECK bidi-streaming=" + responses.await().size());
          });
      request(
          tracer,
          "refused",
          () -> System.out.println("CHECK refused=" + failure(channel, REFUSE)));
      request(
          tracer,
          "crashed",
          () -> System.out.println("CHECK crashed=" + failure(channel, CRASH)));
    } finally {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
    System.out.println("DONE");
  }

  private static Status.Code failure(
      ManagedChannel channel, MethodDescriptor<String, String> method) {
    try {
      ClientCalls.blockingUnaryCall(channel, method, CallOptions.DEFAULT, "13");
      throw new IllegalStateException(method.getFullMethodName() + " succeeded");
    } catch (StatusRuntimeException expected) {
      return expected.getStatus().getCode();
    }
  }

  /** {@code usePlaintext()} since 1.11; before, only {@code usePlaintext(boolean)}. */
  private static ManagedChannelBuilder<?> plaintext(ManagedChannelBuilder<?> builder)
      throws Exception {
    try {
      Method noArguments = ManagedChannelBuilder.class.getMethod("usePlaintext");
      return (ManagedChannelBuilder<?>) noArguments.invoke(builder);
    } catch (NoSuchMethodException before111) {
      Method withFlag = ManagedChannelBuilder.class.getMethod("usePlaintext", boolean.class);
      return (ManagedChannelBuilder<?>) withFlag.invoke(builder, true);
    }
  }

  private static void request(Tracer tracer, String scenario, Runnable body) {
    Span span = tracer.spanBuilder("request").setAttribute("scenario", scenario).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      body.run();
    } finally {
      span.end();
    }
  }

  /** The responses of an asynchronous call, once it completed. */
  private static final class Responses implements StreamObserver<String> {
    private final List<String> received = new ArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Throwable error;

    @Override
    public synchronized void onNext(String response) {
      received.add(response);
    }

    @Override
    public void onError(Throwable error) {
      this.error = error;
      done.countDown();
    }

    @Override
    public void onCompleted() {
      done.countDown();
    }

    List<String> await() {
      try {
        if (!done.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("no answer within 30 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (error != null) {
        throw new IllegalStateException(error);
      }
      synchronized (this) {
        return new ArrayList<>(received);
      }
    }
  }
}
