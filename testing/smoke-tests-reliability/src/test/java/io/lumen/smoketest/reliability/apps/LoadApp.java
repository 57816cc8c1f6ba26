package io.lumen.smoketest.reliability.apps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A small service on the JDK's HTTP server that knows nothing of any agent, for the fault tests.
 *
 * <ul>
 *   <li>{@code /work?seq=N}: logs {@code handled seq=N} through java.util.logging and answers
 *       {@code ok N}: one server span and one log record per request.
 *   <li>{@code /stats}: heap in use after a full collection, and how many times the metric
 *       reader has collected the gauge {@code reliability.collections} (whose value is that
 *       count, so every collection is one numbered metric point).
 *   <li>{@code /exit}: answers, then exits normally ({@code System.exit(0)}).
 *   <li>{@code /hostile}: sets attributes a hostile or careless caller could produce on the
 *       current (server) span: huge, binary, broken UTF-16, thousands of keys.
 * </ul>
 *
 * <p>Prints {@code READY port=<n>} when it serves.
 */
public final class LoadApp {

  private static final Logger log = Logger.getLogger("reliability.app");
  private static final AtomicLong collections = new AtomicLong();

  private LoadApp() {}

  public static void main(String[] args) throws Exception {
    log.setUseParentHandlers(false); // exported by the agent; not worth a line on stderr each
    GlobalOpenTelemetry.getMeter("reliability")
        .gaugeBuilder("reliability.collections")
        .ofLongs()
        .buildWithCallback(measurement -> measurement.record(collections.incrementAndGet()));

    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/work", exchange -> work(exchange));
    server.createContext("/stats", exchange -> respond(exchange, 200, stats()));
    server.createContext(
        "/exit",
        exchange -> {
          respond(exchange, 200, "bye");
          new Thread(() -> System.exit(0), "exit").start();
        });
    server.createContext("/hostile", exchange -> hostile(exchange));
    server.start();
    System.out.println("READY port=" + server.getAddress().getPort());
  }

  private static void work(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    String seq = query != null && query.startsWith("seq=") ? query.substring(4) : "?";
    long lingerMillis = 0;
    int linger = seq.indexOf("&linger=");
    if (linger >= 0) {
      lingerMillis = Long.parseLong(seq.substring(linger + "&linger=".length()));
      seq = seq.substring(0, linger);
    }
    log.info("handled seq=" + seq);
    respond(exchange, 200, "ok " + seq);
    if (lingerMillis > 0) {
      // The client has its answer; the handler (and its server span) ends only now, as a request
      // whose response was flushed before its clean-up ran.
      try {
        Thread.sleep(lingerMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String stats() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return "heapUsed=" + heap + " collections=" + collections.get();
  }

  private static void hostile(HttpExchange exchange) throws IOException {
    Span span = Span.current();
    StringBuilder huge = new StringBuilder(1 << 20);
    while (huge.length() < (1 << 20)) {
      huge.append("0123456789abcdef");
    }
    span.setAttribute("hostile.huge", huge.toString());
    char[] binary = new char[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (char) i;
    }
    span.setAttribute("hostile.binary", new String(binary));
    span.setAttribute("hostile.broken_utf16", "a\uD800b\uDFFFc");
    for (int i = 0; i < 5_000; i++) {
      span.setAttribute(AttributeKey.stringKey("hostile.key." + i), "v" + i);
    }
    for (int i = 0; i < 1_000; i++) {
      span.addEvent("hostile.event." + i);
    }
    log.info("hostile " + huge.substring(0, 1000) + new String(binary) + "\uD800");
    respond(exchange, 200, "survived");
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
