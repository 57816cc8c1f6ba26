package io.lumen.instrumentation.grpc.v1_6;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import javax.annotation.Nullable;

/**
 * A CLIENT span per call, from {@code start} (where the trace context goes into the headers) to
 * {@code onClose}; the listener's callbacks run in the span's context, so what the application
 * does with responses joins the trace.
 */
public final class TracingClientInterceptor implements ClientInterceptor {

  private final Instrumenter<GrpcRequest, Status> instrumenter;

  public TracingClientInterceptor(Instrumenter<GrpcRequest, Status> instrumenter) {
    this.instrumenter = instrumenter;
  }

  @Override
  public <REQ, RESP> ClientCall<REQ, RESP> interceptCall(
      MethodDescriptor<REQ, RESP> method, CallOptions callOptions, Channel next) {
    return new TracingClientCall<>(next.newCall(method, callOptions), method, next.authority());
  }

  private final class TracingClientCall<REQ, RESP>
      extends ForwardingClientCall.SimpleForwardingClientCall<REQ, RESP> {

    private final MethodDescriptor<REQ, RESP> method;
    @Nullable private final String authority;

    TracingClientCall(
        ClientCall<REQ, RESP> delegate,
        MethodDescriptor<REQ, RESP> method,
        @Nullable String authority) {
      super(delegate);
      this.method = method;
      this.authority = authority;
    }

    @Override
    public void start(Listener<RESP> responseListener, Metadata headers) {
      GrpcRequest request = GrpcRequest.clientCall(method, headers, authority);
      Context parent = Context.current();
      if (!instrumenter.shouldStart(parent, request)) {
        super.start(responseListener, headers);
        return;
      }
      Context context = instrumenter.start(parent, request);
      try (Scope ignored = context.makeCurrent()) {
        super.start(new TracingListener<>(responseListener, context, request), headers);
      } catch (RuntimeException | Error e) {
        instrumenter.end(context, request, null, e);
        throw e;
      }
    }
  }

  private final class TracingListener<RESP>
      extends ForwardingClientCallListener.SimpleForwardingClientCallListener<RESP> {

    private final Context context;
    private final GrpcRequest request;

    TracingListener(ClientCall.Listener<RESP> delegate, Context context, GrpcRequest request) {
      super(delegate);
      this.context = context;
      this.request = request;
    }

    @Override
    public void onHeaders(Metadata headers) {
      try (Scope ignored = context.makeCurrent()) {
        super.onHeaders(headers);
      }
    }

    @Override
    public void onMessage(RESP message) {
      try (Scope ignored = context.makeCurrent()) {
        super.onMessage(message);
      }
    }

    @Override
    public void onReady() {
      try (Scope ignored = context.makeCurrent()) {
        super.onReady();
      }
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      instrumenter.end(context, request, status, status.getCause());
      try (Scope ignored = context.makeCurrent()) {
        super.onClose(status, trailers);
      }
    }
  }
}
