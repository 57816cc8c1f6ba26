package io.lumen.instrumentation.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The request lifecycle on its own, without a container: how entries of one request share one
 * span, and what ends it with which error.
 */
class ServletRequestTracerTest {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final ServletRequestTracer<FakeRequest, FakeResponse> tracer =
      ServletRequestTracer.builder(
              OpenTelemetrySdk.builder()
                  .setTracerProvider(
                      SdkTracerProvider.builder()
                          .addSpanProcessor(SimpleSpanProcessor.create(spans))
                          .build())
                  .build(),
              "test",
              new FakeAccessor())
          .build();

  @Test
  void nestedEntriesShareTheFirstEntrysSpan() {
    FakeRequest request = new FakeRequest("/hello");
    FakeResponse response = new FakeResponse();

    ServletDispatch outer = tracer.enter(request, response);
    ServletDispatch filter = tracer.enter(request, response);
    ServletDispatch servlet = tracer.enter(request, response);
    tracer.exit(servlet, null);
    tracer.exit(filter, null);
    assertThat(spans.getFinishedSpanItems()).isEmpty();
    tracer.exit(outer, null);

    assertThat(spans.getFinishedSpanItems())
        .singleElement()
        .satisfies(
            span -> {
              assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
              assertThat(span.getName()).isEqualTo("GET /hello");
            });
    assertThat(Context.current()).isSameAs(Context.root());
  }

  @Test
  void contextLeftCurrentOnTheThreadIsNotTheParent() {
    Span leaked = Span.wrap(
        io.opentelemetry.api.trace.SpanContext.create(
            "ffffffffffffffffffffffffffffff01",
            "ffffffffffffff01",
            io.opentelemetry.api.trace.TraceFlags.getSampled(),
            io.opentelemetry.api.trace.TraceState.getDefault()));
    try (Scope ignored = leaked.makeCurrent()) {
      FakeRequest request = new FakeRequest("/hello");
      tracer.exit(tracer.enter(request, new FakeResponse()), null);
    }

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getParentSpanContext().isValid()).isFalse();
    assertThat(span.getTraceId()).isNotEqualTo("ffffffffffffffffffffffffffffff01");
  }

  @Test
  void laterDispatchOnAnotherThreadResumesTheSpanWithoutStartingOne() throws Exception {
    FakeRequest request = new FakeRequest("/hello");
    FakeResponse response = new FakeResponse();
    ServletDispatch first = tracer.enter(request, response);
    Span serverSpan = Span.current();
    request.asyncStarted = true;
    tracer.exit(first, null);
    assertThat(request.asyncListener).isNotNull();

    Span[] seen = new Span[1];
    Thread dispatch =
        new Thread(
            () -> {
              ServletDispatch resumed = tracer.enter(request, response);
              seen[0] = Span.current();
              tracer.exit(resumed, null);
            });
    dispatch.start();
    dispatch.join();
    assertThat(seen[0]).isSameAs(serverSpan);
    assertThat(spans.getFinishedSpanItems()).isEmpty();

    request.asyncListener.asyncCompleted();
    request.asyncListener.asyncCompleted(); // a second report changes nothing
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
  }

  @Test
  void anotherCopysTracedRequestMeansStayingOut() {
    FakeRequest request = new FakeRequest("/hello");
    request.attributes.put(ServletRequestTracer.TRACED_REQUEST_ATTRIBUTE, new Object());

    assertThat(tracer.enter(request, new FakeResponse())).isNull();
  }

  @Test
  void innerExceptionIsRecordedWhenTheResponseFailed() {
    FakeRequest request = new FakeRequest("/fail");
    FakeResponse response = new FakeResponse();
    ServletDispatch outer = tracer.enter(request, response);
    ServletDispatch servlet = tracer.enter(request, response);
    tracer.exit(servlet, new IllegalStateException("failed"));
    response.status = 500; // what the container answers for it
    tracer.exit(outer, null);

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getEvents()).anySatisfy(event -> assertThat(event.getName())
        .isEqualTo("exception"));
  }

  @Test
  void innerExceptionTheApplicationHandledIsNotAnError() {
    FakeRequest request = new FakeRequest("/fail");
    FakeResponse response = new FakeResponse();
    ServletDispatch outer = tracer.enter(request, response);
    ServletDispatch servlet = tracer.enter(request, response);
    tracer.exit(servlet, new IllegalStateException("caught by a filter"));
    tracer.exit(outer, null); // the filter answered 200 itself

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.getEvents()).isEmpty();
  }

  static final class FakeRequest {
    final String path;
    final Map<String, Object> attributes = new HashMap<>();
    boolean asyncStarted;
    TracedRequest<?, ?> asyncListener;

    FakeRequest(String path) {
      this.path = path;
    }
  }

  static final class FakeResponse {
    int status = 200;
  }

  /** A request to a servlet mapped exactly to its path. */
  static final class FakeAccessor implements ServletAccessor<FakeRequest, FakeResponse> {
    @Override
    public String getRequestMethod(FakeRequest request) {
      return "GET";
    }

    @Override
    public String getRequestScheme(FakeRequest request) {
      return "http";
    }

    @Override
    public String getRequestUri(FakeRequest request) {
      return request.path;
    }

    @Override
    public String getRequestQueryString(FakeRequest request) {
      return null;
    }

    @Override
    public String getRequestProtocol(FakeRequest request) {
      return "HTTP/1.1";
    }

    @Override
    public String getContextPath(FakeRequest request) {
      return "";
    }

    @Override
    public String getServletPath(FakeRequest request) {
      return request.path;
    }

    @Override
    public String getPathInfo(FakeRequest request) {
      return null;
    }

    @Override
    public Object getServletContext(FakeRequest request) {
      return this;
    }

    @Override
    public Collection<String> getServletMappings(FakeRequest request) {
      return Set.of("/hello", "/fail");
    }

    @Override
    public List<String> getRequestHeaders(FakeRequest request, String name) {
      return Collections.emptyList();
    }

    @Override
    public Iterable<String> getRequestHeaderNames(FakeRequest request) {
      return Collections.emptyList();
    }

    @Override
    public String getRemoteAddress(FakeRequest request) {
      return "127.0.0.1";
    }

    @Override
    public int getRemotePort(FakeRequest request) {
      return 50000;
    }

    @Override
    public String getLocalAddress(FakeRequest request) {
      return "127.0.0.1";
    }

    @Override
    public int getLocalPort(FakeRequest request) {
      return 8080;
    }

    @Override
    public Object getAttribute(FakeRequest request, String name) {
      return request.attributes.get(name);
    }

    @Override
    public void setAttribute(FakeRequest request, String name, Object value) {
      request.attributes.put(name, value);
    }

    @Override
    public boolean isAsyncStarted(FakeRequest request) {
      return request.asyncStarted;
    }

    @Override
    public boolean addAsyncListener(
        FakeRequest request, FakeResponse response, TracedRequest<?, ?> tracedRequest) {
      request.asyncListener = tracedRequest;
      return true;
    }

    @Override
    public int getResponseStatus(FakeResponse response) {
      return response.status;
    }

    @Override
    public boolean isResponseCommitted(FakeResponse response) {
      return true;
    }

    @Override
    public List<String> getResponseHeaders(FakeResponse response, String name) {
      return Collections.emptyList();
    }

    @Override
    public Iterable<String> getResponseHeaderNames(FakeResponse response) {
      return Collections.emptyList();
    }

    @Override
    public Throwable getServletExceptionCause(Throwable error) {
      return null;
    }
  }
}
