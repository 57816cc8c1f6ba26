package io.lumen.examples.users;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.LogManager;

/**
 * A small users service on the JDK's built-in HTTP server: the application the demo runs with the
 * Lumen agent. Nothing in it knows about OpenTelemetry; every span comes from the agent.
 *
 * <pre>
 * java -javaagent:lumen-javaagent.jar -jar users-service.jar [--port N] [--host ADDRESS]
 * </pre>
 *
 * <p>{@code --port 0} (the default) takes a free port. Once it serves requests the service prints
 * {@code users-service READY on http://HOST:PORT}, which is what a launcher waits for. With {@code
 * --exit-with-parent} it also stops when the process that started it ends, even by {@code kill -9},
 * so a demo never leaves it behind.
 *
 * <p>The environment variable {@code ORDERS_URL} is the base URL of the orders service that {@code
 * /users/{id}/orders} calls. Requests are logged with {@code java.util.logging}, one line each on
 * standard error (the bundled {@code logging.properties}, unless {@code
 * -Djava.util.logging.config.file} names another).
 */
public final class UsersService {

  public static void main(String[] args) throws IOException {
    String host = "127.0.0.1";
    int port = 0;
    boolean exitWithParent = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--host" -> host = args[++i];
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--exit-with-parent" -> exitWithParent = true;
        default -> {
          System.err.println("usage: UsersService [--host ADDRESS] [--port N] [--exit-with-parent]");
          System.exit(2);
        }
      }
    }

    configureLogging();
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext("/users", new UsersHandler(UserDirectory.withSampleUsers(),
        new OrderHistory(System.getenv("ORDERS_URL"))));
    ExecutorService workers = Executors.newFixedThreadPool(4);
    server.setExecutor(workers);
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop(1);
      workers.shutdown();
    }, "users-service-shutdown"));
    if (exitWithParent) {
      ProcessHandle.current().parent()
          .ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
    }
    System.out.println("users-service READY on http://" + host + ":" + server.getAddress().getPort());
  }

  private static void configureLogging() throws IOException {
    if (System.getProperty("java.util.logging.config.file") != null
        || System.getProperty("java.util.logging.config.class") != null) {
      return;
    }
    try (InputStream properties = UsersService.class.getResourceAsStream("/logging.properties")) {
      LogManager.getLogManager().readConfiguration(properties);
    }
  }

  private UsersService() {}
}
