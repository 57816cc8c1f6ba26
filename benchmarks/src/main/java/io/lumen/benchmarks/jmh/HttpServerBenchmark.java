package io.lumen.benchmarks.jmh;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One request to the JDK's built-in HTTP server ({@code com.sun.net.httpserver}), round trip over
 * loopback. The client is a plain socket speaking HTTP/1.1 with keep-alive, so only the server
 * side is instrumented: an agent adds its server span and nothing else.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HttpServerBenchmark {

  private static final byte[] BODY = "hello".getBytes(StandardCharsets.US_ASCII);

  private HttpServer server;
  private Socket socket;
  private OutputStream out;
  private InputStream in;
  private byte[] request;
  private long invocations;

  @Setup(Level.Trial)
  public void start() throws IOException {
    // Without TCP_NODELAY the server's separate writes of headers and body meet the client's
    // delayed ACK, and every request waits 40 ms. Servers in production set it.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.createContext(
        "/hello",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().set("Content-Type", "text/plain");
          exchange.sendResponseHeaders(200, BODY.length);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write(BODY);
          }
        });
    server.start();
    int port = server.getAddress().getPort();
    socket = new Socket("127.0.0.1", port);
    socket.setTcpNoDelay(true);
    out = socket.getOutputStream();
    in = socket.getInputStream();
    request =
        ("GET /hello HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUser-Agent: jmh\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
  }

  @Benchmark
  public int request() throws IOException {
    invocations++;
    out.write(request);
    out.flush();
    return readResponse();
  }

  /** Reads one response: the status line and headers, then Content-Length bytes of body. */
  private int readResponse() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(256);
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed by the server");
      }
      head.write(b);
      if (b == "\r\n\r\n".charAt(matched)) {
        matched++;
      } else {
        matched = b == '\r' ? 1 : 0;
      }
    }
    String headers = head.toString(StandardCharsets.US_ASCII);
    int length = contentLength(headers);
    int status = Integer.parseInt(headers.substring(9, 12));
    byte[] body = in.readNBytes(length);
    if (status != 200 || body.length != length) {
      throw new IOException("unexpected response: " + headers);
    }
    return status;
  }

  private static int contentLength(String headers) {
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    throw new IllegalStateException("no Content-Length in: " + headers);
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    socket.close();
    server.stop(0);
    BenchmarkProbe.write(Map.of("invocations", invocations));
  }
}
