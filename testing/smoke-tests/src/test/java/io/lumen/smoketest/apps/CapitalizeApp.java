package io.lumen.smoketest.apps;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.commons.lang3.StringUtils;

/** Capitalizes the query string of {@code /capitalize?<text>} with commons-lang3. */
public final class CapitalizeApp {

  private CapitalizeApp() {}

  public static void main(String[] args) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/capitalize",
        exchange ->
            JdkHttpServerApp.respond(
                exchange, 200, StringUtils.capitalize(exchange.getRequestURI().getQuery())));
    server.start();
    System.out.println("READY port=" + server.getAddress().getPort());
    System.out.flush();
  }
}
