package io.lumen.smoketest.logs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A collector that accepts connections and never answers: an exporter sending to it waits for its
 * timeout, so the batch processor's queue fills up. Only on the loopback address.
 */
final class BlackholeCollector implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();

  BlackholeCollector() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (!server.isClosed()) {
                  accepted.add(server.accept());
                }
              } catch (IOException closed) {
                // the test is over
              }
            },
            "blackhole-collector");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The OTLP/HTTP logs endpoint of this collector. */
  String logsEndpoint() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/v1/logs";
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : accepted) {
      socket.close();
    }
  }
}
