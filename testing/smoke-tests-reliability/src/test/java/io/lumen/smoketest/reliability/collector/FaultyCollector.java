package io.lumen.smoketest.reliability.collector;

import io.grpc.CallOptions;
import io.grpc.ClientInterceptors;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.stub.MetadataUtils;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.HandlerRegistry;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.lumen.testing.agent.FreePorts;
import io.lumen.testing.receiver.OtlpReceiver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;

/**
 * An OTLP/gRPC collector whose faults a test controls, in front of a real {@link OtlpReceiver}:
 * down (nothing listens, connections are refused), slow (each answer delayed), flaky (a share of
 * exports answered {@code UNAVAILABLE}), or holding every export unanswered until released.
 * Exports that get through are forwarded unchanged to the receiver, so assertions stay on what
 * arrived there.
 *
 * <p>Every export attempt is recorded with its arrival time and a digest of its payload, so that
 * a test can tell the exporter's retries of one batch apart and measure their spacing.
 *
 * <pre>{@code
 * try (OtlpReceiver receiver = OtlpReceiver.start();
 *     FaultyCollector collector = FaultyCollector.inFrontOf(receiver)) { // down until up()
 *   // start the app exporting to collector.endpoint(), load it, then:
 *   collector.up();
 * }
 * }</pre>
 */
public final class FaultyCollector implements AutoCloseable {

  /** What happens to exports while the collector is up. */
  private enum Mode {
    FORWARD,
    DELAY,
    FLAKY,
    HOLD
  }

  /** One export attempt as the collector saw it. */
  public record Attempt(long arrivalNanos, String method, String payloadDigest, String outcome) {}

  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
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
      };

  private static final Context.Key<Metadata> HEADERS = Context.key("otlp-headers");
  private static final java.util.Set<String> TRANSPORT_HEADERS =
      java.util.Set.of("content-type", "te", "user-agent", "content-length", "accept-encoding",
          "host");

  private final int port;
  private final ManagedChannel upstream;
  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(
          2,
          runnable -> {
            Thread thread = new Thread(runnable, "faulty-collector");
            thread.setDaemon(true);
            return thread;
          });
  private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
  private final List<Runnable> held = new ArrayList<>();
  private volatile Mode mode = Mode.FORWARD;
  private volatile Duration delay = Duration.ZERO;
  private volatile double failureRatio;
  @Nullable private Server server;

  private FaultyCollector(int port, OtlpReceiver receiver) {
    this.port = port;
    this.upstream =
        NettyChannelBuilder.forAddress("127.0.0.1", receiver.grpcPort())
            .usePlaintext()
            .maxInboundMessageSize(64 * 1024 * 1024)
            .build();
  }

  /** A collector on a free port of 127.0.0.1, forwarding to {@code receiver}; down until {@link #up}. */
  public static FaultyCollector inFrontOf(OtlpReceiver receiver) {
    return new FaultyCollector(FreePorts.find(), receiver);
  }

  /** The value for {@code OTEL_EXPORTER_OTLP_ENDPOINT} (gRPC). */
  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** Starts listening (again) and forwarding every export. */
  public synchronized FaultyCollector up() {
    mode = Mode.FORWARD;
    if (server == null) {
      try {
        server =
            NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                .maxInboundMessageSize(64 * 1024 * 1024)
                .fallbackHandlerRegistry(new ForwardingRegistry())
                .intercept(new HeaderCapture())
                .build()
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on " + port, e);
      }
    }
    return this;
  }

  /** Stops listening and drops open connections: exporters see "connection refused". */
  public synchronized FaultyCollector down() {
    if (server != null) {
      server.shutdownNow();
      try {
        server.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      server = null;
    }
    return this;
  }

  /** Answers every export after {@code delay} (on a timer: no collector thread waits). */
  public FaultyCollector slow(Duration delay) {
    this.delay = delay;
    this.mode = Mode.DELAY;
    return this;
  }

  /** Answers {@code ratio} of the exports (at random) with gRPC status UNAVAILABLE. */
  public FaultyCollector flaky(double ratio) {
    this.failureRatio = ratio;
    this.mode = Mode.FLAKY;
    return this;
  }

  /** Leaves every export unanswered until {@link #release()}. */
  public FaultyCollector hold() {
    this.mode = Mode.HOLD;
    return this;
  }

  /** Forwards the held exports and every export from now on. */
  public FaultyCollector release() {
    List<Runnable> toForward;
    synchronized (held) {
      mode = Mode.FORWARD;
      toForward = new ArrayList<>(held);
      held.clear();
    }
    toForward.forEach(Runnable::run);
    return this;
  }

  /** Exports held unanswered right now. */
  public int heldExports() {
    synchronized (held) {
      return held.size();
    }
  }

  /** Every export attempt so far, in arrival order. */
  public List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  @Override
  public void close() {
    down();
    release();
    upstream.shutdownNow();
    scheduler.shutdownNow();
  }

  private void handle(String method, byte[] request, StreamObserver<byte[]> response) {
    Metadata headers = forwardedHeaders(HEADERS.get());
    long arrival = System.nanoTime();
    String digest = digest(request);
    Mode current = mode;
    switch (current) {
      case DELAY -> {
        attempts.add(new Attempt(arrival, method, digest, "delayed"));
        scheduler.schedule(
            () -> forward(method, headers, request, response), delay.toMillis(), TimeUnit.MILLISECONDS);
      }
      case FLAKY -> {
        if (ThreadLocalRandom.current().nextDouble() < failureRatio) {
          attempts.add(new Attempt(arrival, method, digest, "UNAVAILABLE"));
          response.onError(Status.UNAVAILABLE.withDescription("injected fault").asException());
        } else {
          attempts.add(new Attempt(arrival, method, digest, "forwarded"));
          forward(method, headers, request, response);
        }
      }
      case HOLD -> {
        boolean queued;
        synchronized (held) {
          queued = mode == Mode.HOLD;
          if (queued) {
            attempts.add(new Attempt(arrival, method, digest, "held"));
            held.add(() -> forward(method, headers, request, response));
          }
        }
        if (!queued) {
          attempts.add(new Attempt(arrival, method, digest, "forwarded"));
          forward(method, headers, request, response);
        }
      }
      default -> {
        attempts.add(new Attempt(arrival, method, digest, "forwarded"));
        forward(method, headers, request, response);
      }
    }
  }

  private void forward(
      String method, Metadata headers, byte[] request, StreamObserver<byte[]> response) {
    try {
      byte[] answer =
          ClientCalls.blockingUnaryCall(
              ClientInterceptors.intercept(
                  upstream, MetadataUtils.newAttachHeadersInterceptor(headers)),
              descriptor(method),
              CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS),
              request);
      response.onNext(answer);
      response.onCompleted();
    } catch (RuntimeException e) {
      response.onError(Status.fromThrowable(e).asException());
    }
  }

  /** The exporter's own headers (authorization, API keys), without gRPC's transport headers. */
  private static Metadata forwardedHeaders(@Nullable Metadata received) {
    Metadata forwarded = new Metadata();
    if (received == null) {
      return forwarded;
    }
    for (String key : received.keys()) {
      if (key.startsWith(":") || key.startsWith("grpc-") || TRANSPORT_HEADERS.contains(key)) {
        continue;
      }
      if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        Metadata.Key<byte[]> binary = Metadata.Key.of(key, Metadata.BINARY_BYTE_MARSHALLER);
        received.getAll(binary).forEach(value -> forwarded.put(binary, value));
      } else {
        Metadata.Key<String> ascii = Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER);
        received.getAll(ascii).forEach(value -> forwarded.put(ascii, value));
      }
    }
    return forwarded;
  }

  /** Puts each call's headers into its gRPC context, where {@link #handle} finds them. */
  private static final class HeaderCapture implements ServerInterceptor {
    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
        ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
      return Contexts.interceptCall(Context.current().withValue(HEADERS, headers), call, headers, next);
    }
  }

  private static MethodDescriptor<byte[], byte[]> descriptor(String method) {
    return MethodDescriptor.<byte[], byte[]>newBuilder(BYTES, BYTES)
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(method)
        .build();
  }

  private static String digest(byte[] payload) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Serves any method, as raw bytes. */
  private final class ForwardingRegistry extends HandlerRegistry {
    @Override
    public ServerMethodDefinition<?, ?> lookupMethod(String methodName, @Nullable String authority) {
      return ServerMethodDefinition.create(
          descriptor(methodName),
          ServerCalls.asyncUnaryCall(
              (byte[] request, StreamObserver<byte[]> response) ->
                  handle(methodName, request, response)));
    }
  }
}
