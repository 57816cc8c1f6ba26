package io.lumen.smoketest.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/** Local services some tests need; a test skips, saying so, when its service is not there. */
public final class Services {

  private Services() {}

  /** Skips the calling test unless something listens on {@code host:port}. */
  public static void assumeReachable(String name, String host, int port) {
    Assumptions.assumeTrue(
        reachable(host, port), "Service unavailable: " + name + " at " + host + ":" + port);
  }

  public static boolean reachable(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
