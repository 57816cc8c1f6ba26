package io.lumen.instrumentation.grpc.v1_6;

import io.grpc.Attributes;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.annotation.Nullable;

/**
 * A SERVER span per call, in the caller's trace, from the call's arrival until it completes or is
 * cancelled, with the caller's address where the transport reports it; the service's code (every
 * listener callback) runs in the span's context.
 */
public final class TracingServerInterceptor implements ServerInterceptor {

  private final Instrumenter<GrpcRequest, Status> instrumenter;

  public TracingServerInterceptor(Instrumenter<GrpcRequest, Status> instrumenter) {
    this.instrumenter = instrumenter;
  }

  @Override
  public <REQ, RESP> ServerCall.Listener<REQ> interceptCall(
      ServerCall<REQ, RESP> call, Metadata headers, ServerCallHandler<REQ, RESP> next) {
    GrpcRequest request =
        GrpcRequest.serverCall(call.getMethodDescriptor(), headers, peerAddress(call));
    Context parent = Context.current();
    if (!instrumenter.shouldStart(parent, request)) {
      return next.startCall(call, headers);
    }
    Context context = instrumenter.start(parent, request);
    AtomicReference<Status> closedWith = new AtomicReference<>();
    ServerCall<REQ, RESP> tracingCall =
        new ForwardingServerCall.SimpleForwardingServerCall<REQ, RESP>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            closedWith.set(status);
            super.close(status, trailers);
          }
        };
    ServerCall.Listener<REQ> listener;
    try (Scope ignored = context.makeCurrent()) {
      listener = next.startCall(tracingCall, headers);
    } catch (RuntimeException | Error e) {
      instrumenter.end(context, request, null, e);
      throw e;
    }
    return new TracingListener<>(listener, context, request, closedWith);
  }

  /**
   * The caller's address as the transport reports it. {@code ServerCall.getAttributes} and {@code
   * Grpc.TRANSPORT_ATTR_REMOTE_ADDR} are both in gRPC 1.6.1, the oldest version supported, so the
   * module's reference check passes everywhere; but a {@code ServerCall} of an application's own
   * (another interceptor's wrapper, say) may answer null or throw, and the call is then traced
   * without an address.
   */
  @Nullable
  private static SocketAddress peerAddress(ServerCall<?, ?> call) {
    try {
      Attributes attributes = call.getAttributes();
      return attributes == null ? null : attributes.get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private final class TracingListener<REQ>
      extends ForwardingServerCallListener.SimpleForwardingServerCallListener<REQ> {

    private final Context context;
    private final GrpcRequest request;
    private final AtomicReference<Status> closedWith;
    private final AtomicBoolean ended = new AtomicBoolean();

    TracingListener(
        ServerCall.Listener<REQ> delegate,
        Context context,
        GrpcRequest request,
        AtomicReference<Status> closedWith) {
      super(delegate);
      this.context = context;
      this.request = request;
      this.closedWith = closedWith;
    }

    @Override
    public void onMessage(REQ message) {
      try (Scope ignored = context.makeCurrent()) {
        super.onMessage(message);
      }
    }

    @Override
    public void onHalfClose() {
      try (Scope ignored = context.makeCurrent()) {
        super.onHalfClose();
      } catch (RuntimeException | Error e) {
        end(Status.fromThrowable(e), e);
        throw e;
      }
    }

    /** Ends the span once, whichever of failure, cancellation and completion comes first. */
    private void end(Status status, Throwable error) {
      if (ended.compareAndSet(false, true)) {
        instrumenter.end(context, request, status, error);
      }
    }

    @Override
    public void onReady() {
      try (Scope ignored = context.makeCurrent()) {
        super.onReady();
      }
    }

    @Override
    public void onCancel() {
      try (Scope ignored = context.makeCurrent()) {
        super.onCancel();
      }
      // gRPC also reports a call the service closed with an error status as cancelled; the status
      // it closed with is the one that tells what happened.
      Status status = closedWith.get();
      end(status != null ? status : Status.CANCELLED, null);
    }

    @Override
    public void onComplete() {
      try (Scope ignored = context.makeCurrent()) {
        super.onComplete();
      }
      Status status = closedWith.get();
      end(status != null ? status : Status.OK, null);
    }
  }
}
