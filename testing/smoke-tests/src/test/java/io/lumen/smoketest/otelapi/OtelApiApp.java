package io.lumen.smoketest.otelapi;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An application that uses its own OpenTelemetry API jar, the way services instrumented by hand do,
 * on the JDK's HTTP server. The smoke test puts a real API release of a chosen version on its class
 * path, so it uses only what API 1.0 already had (and reflection for {@code isSet()}).
 *
 * <p>It does three things and prints what it saw as {@code RESULT key=value} lines, then {@code
 * DONE}:
 *
 * <ol>
 *   <li>calls {@code GlobalOpenTelemetry.set} twice, as an application bundling its own SDK might;
 *   <li>starts a root span, puts baggage in the context, and calls its own server over HTTP,
 *       injecting the context with its global propagators into a request it writes by hand;
 *   <li>with a span of its own current, runs a server context's filter chain in-process, so that
 *       the agent's server span can only find its parent in the current context.
 * </ol>
 *
 * <p>In the handler it reads {@code Span.current()} (the agent's server span), annotates it, and
 * creates a child span with attributes, an event, the baggage it finds and an error status.
 */
public final class OtelApiApp {

  static final String SCOPE = "lumen.smoketest.otelapi";

  private static final Tracer tracer = GlobalOpenTelemetry.getTracer(SCOPE, "1.0");

  private OtelApiApp() {}

  public static void main(String[] args) throws Exception {
    setGlobalLikeAnAppWithItsOwnSdk();
    result("isSet", isSet());

    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    HttpContext work = server.createContext("/work", OtelApiApp::handle);
    server.start();
    try {
      callOverHttp(server.getAddress().getPort());
      callInProcess(work);
    } finally {
      server.stop(0);
    }
    result("afterwards.current.valid", Span.current().getSpanContext().isValid());
    System.out.println("DONE");
    System.out.flush();
  }

  private static void setGlobalLikeAnAppWithItsOwnSdk() {
    try {
      GlobalOpenTelemetry.set(OpenTelemetry.noop());
      GlobalOpenTelemetry.set(OpenTelemetry.noop()); // throws without the agent: set twice
      result("set", "ignored");
    } catch (IllegalStateException e) {
      result("set", "failed: " + e.getMessage());
    }
    result("global.tracing", tracer.spanBuilder("probe").startSpan().getSpanContext().isValid());
  }

  /** {@code GlobalOpenTelemetry.isSet()} exists from API 1.57 on. */
  private static String isSet() {
    try {
      Method isSet = GlobalOpenTelemetry.class.getMethod("isSet");
      return String.valueOf(isSet.invoke(null));
    } catch (NoSuchMethodException olderApi) {
      return "absent";
    } catch (ReflectiveOperationException e) {
      return "failed: " + e;
    }
  }

  private static void callOverHttp(int port) throws IOException {
    Span root = tracer.spanBuilder("app.call").setSpanKind(SpanKind.CLIENT).startSpan();
    try (Scope ignored = root.makeCurrent();
        Scope baggage =
            Baggage.current().toBuilder().put("app.tenant", "acme").build().makeCurrent()) {
      Map<String, String> headers = new LinkedHashMap<>();
      GlobalOpenTelemetry.getPropagators()
          .getTextMapPropagator()
          .inject(Context.current(), headers, Map::put);
      result("http.response", get(port, "/work/http", headers));
      root.setStatus(StatusCode.OK);
    } finally {
      root.end();
    }
    result("app.call.traceId", root.getSpanContext().getTraceId());
  }

  /**
   * A GET written by hand on a socket, so that only the headers the application injected carry its
   * context (an instrumented HTTP client would add a span and headers of its own).
   */
  private static String get(int port, String path, Map<String, String> headers) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      StringBuilder request = new StringBuilder();
      request.append("GET ").append(path).append(" HTTP/1.1\r\n");
      request.append("Host: 127.0.0.1:").append(port).append("\r\n");
      headers.forEach(
          (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      request.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int bodyStart = response.indexOf("\r\n\r\n");
      if (!response.startsWith("HTTP/1.1 200") || bodyStart < 0) {
        return "unexpected response: " + response;
      }
      return response.substring(bodyStart + 4);
    }
  }

  private static void callInProcess(HttpContext work) throws IOException {
    Span parent = tracer.spanBuilder("app.in-process").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      StubExchange exchange = new StubExchange(work, "/work/in-process");
      new Filter.Chain(work.getFilters(), work.getHandler()).doFilter(exchange);
      result("in-process.response", exchange.responseBody());
      // the agent's scope was closed when the chain returned: the application's span is current
      result(
          "in-process.current.restored",
          Span.current().getSpanContext().equals(parent.getSpanContext()));
    } finally {
      parent.end();
    }
    result("app.in-process.traceId", parent.getSpanContext().getTraceId());
  }

  private static void handle(HttpExchange exchange) throws IOException {
    Span server = Span.current();
    SpanContext serverContext = server.getSpanContext();
    server.setAttribute("app.annotated", true);

    Span child = tracer.spanBuilder("app.handle").setAttribute("app.request.id", 42L).startSpan();
    try (Scope ignored = child.makeCurrent()) {
      child.addEvent("app.loaded", Attributes.of(AttributeKey.stringKey("app.item"), "widget"));
      child.setAttribute(
          "app.baggage", String.valueOf(Baggage.current().getEntryValue("app.tenant")));
      child.setAttribute("app.path", exchange.getRequestURI().getPath());
      child.setStatus(StatusCode.ERROR, "simulated failure");
    } finally {
      child.end();
    }

    byte[] body =
        ("server="
                + serverContext.getTraceId()
                + "/"
                + serverContext.getSpanId()
                + " valid="
                + serverContext.isValid())
            .getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void result(String key, Object value) {
    System.out.println("RESULT " + key + "=" + value);
    System.out.flush();
  }
}
