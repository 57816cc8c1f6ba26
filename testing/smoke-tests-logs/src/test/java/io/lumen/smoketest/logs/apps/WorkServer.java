package io.lumen.smoketest.logs.apps;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The skeleton of every logging application: a JDK HTTP server (which the agent traces) whose
 * {@code /work} handler logs through the application's framework, so each request's logs belong to
 * its server span. After each exchange the same thread logs once more, outside any span. Prints
 * {@code PORT <n>} when ready.
 */
public final class WorkServer {

  private WorkServer() {}

  public static void serve(Runnable work, Runnable afterExchange) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/work",
        exchange -> {
          work.run();
          byte[] body = "done".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    ExecutorService worker = Executors.newSingleThreadExecutor();
    // The server span ends inside task.run(); what the thread logs after it is outside any span.
    server.setExecutor(
        task ->
            worker.execute(
                () -> {
                  task.run();
                  afterExchange.run();
                }));
    server.start();
    System.out.println("PORT " + server.getAddress().getPort());
  }
}
