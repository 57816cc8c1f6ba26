package io.lumen.testing.receiver;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLParameters;

/**
 * The OTLP/HTTP endpoint on the JDK's HTTP server: {@code POST /v1/traces}, {@code /v1/metrics}
 * and {@code /v1/logs}, binary protobuf or JSON, optionally gzip-compressed.
 */
final class HttpCollector implements AutoCloseable {

  private static final String PROTOBUF = "application/x-protobuf";
  private static final String JSON = "application/json";

  private final HttpServer server;
  private final ExecutorService executor;

  private HttpCollector(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Over TLS (HTTPS) when {@code tls} is not null. */
  static HttpCollector start(String host, int port, TelemetryStore store, ReceiverTls tls)
      throws IOException {
    HttpServer server;
    if (tls == null) {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } else {
      HttpsServer https = HttpsServer.create(new InetSocketAddress(host, port), 0);
      boolean clientAuth = tls.clientCertificateAuthority() != null;
      https.setHttpsConfigurator(
          new HttpsConfigurator(tls.sslContext()) {
            @Override
            public void configure(HttpsParameters parameters) {
              SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
              ssl.setNeedClientAuth(clientAuth);
              parameters.setSSLParameters(ssl);
            }
          });
      server = https;
    }
    for (Signal signal : Signal.values()) {
      server.createContext(
          signal.httpPath(),
          exchange -> {
            try {
              handle(exchange, signal, store);
            } finally {
              exchange.close();
            }
          });
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            task -> {
              Thread thread = new Thread(task, "lumen-otlp-receiver-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.start();
    return new HttpCollector(server, executor);
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void handle(HttpExchange exchange, Signal signal, TelemetryStore store)
      throws IOException {
    if (!exchange.getRequestURI().getPath().equals(signal.httpPath())) {
      respond(exchange, 404, "text/plain", "no OTLP endpoint at " + exchange.getRequestURI());
      return;
    }
    if (!exchange.getRequestMethod().equals("POST")) {
      exchange.getResponseHeaders().add("Allow", "POST");
      respond(exchange, 405, "text/plain", "OTLP export requests are POSTed");
      return;
    }
    String contentType = mediaType(exchange.getRequestHeaders().getFirst("Content-Type"));
    boolean json = contentType.equals(JSON);
    if (!json && !contentType.equals(PROTOBUF) && !contentType.equals("application/protobuf")) {
      respond(exchange, 415, "text/plain", "unsupported Content-Type: " + contentType);
      return;
    }
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    encoding = encoding == null ? "identity" : encoding.trim().toLowerCase(Locale.ROOT);
    if (!encoding.equals("identity") && !encoding.equals("gzip")) {
      respond(exchange, 415, "text/plain", "unsupported Content-Encoding: " + encoding);
      return;
    }

    Message payload;
    try (InputStream body =
        encoding.equals("gzip")
            ? new GZIPInputStream(exchange.getRequestBody())
            : exchange.getRequestBody()) {
      byte[] bytes = body.readAllBytes();
      Message.Builder builder = requestPrototype(signal).newBuilderForType();
      if (json) {
        OtlpJson.merge(new String(bytes, StandardCharsets.UTF_8), builder);
      } else {
        builder.mergeFrom(bytes);
      }
      payload = builder.build();
    } catch (IOException e) { // includes InvalidProtocolBufferException and broken gzip
      respond(exchange, 400, "text/plain", "cannot decode " + signal + " request: " + e);
      return;
    }

    store.receive(
        new ExportRequest(
            signal,
            json ? ExportRequest.Transport.HTTP_JSON : ExportRequest.Transport.HTTP_PROTOBUF,
            exchange.getRequestHeaders(),
            encoding),
        payload);

    Message response = responsePrototype(signal);
    if (json) {
      respond(exchange, 200, JSON, OtlpJson.print(response).getBytes(StandardCharsets.UTF_8));
    } else {
      respond(exchange, 200, PROTOBUF, response.toByteArray());
    }
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int parameters = contentType.indexOf(';');
    String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
    return mediaType.trim().toLowerCase(Locale.ROOT);
  }

  private static Message requestPrototype(Signal signal) {
    switch (signal) {
      case TRACES:
        return ExportTraceServiceRequest.getDefaultInstance();
      case METRICS:
        return ExportMetricsServiceRequest.getDefaultInstance();
      default:
        return ExportLogsServiceRequest.getDefaultInstance();
    }
  }

  private static Message responsePrototype(Signal signal) {
    switch (signal) {
      case TRACES:
        return ExportTraceServiceResponse.getDefaultInstance();
      case METRICS:
        return ExportMetricsServiceResponse.getDefaultInstance();
      default:
        return ExportLogsServiceResponse.getDefaultInstance();
    }
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String text)
      throws IOException {
    respond(exchange, status, contentType, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
