package io.lumen.smoketest.logs.apps;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Gives the JVM runtime metrics, the JFR-based ones too, something of the application's own to
 * measure: a garbage collection first, then round after round small and large allocations, a
 * monitor wait, and a socket round trip to itself whose read blocks until the echo comes back.
 * Prints {@code ROUND <n>} after each round and runs until killed.
 */
public final class JvmWorkloadApp {

  private static final int MESSAGE_BYTES = 4096;

  /** Keeps allocations from being optimized away. */
  public static volatile Object sink;

  public static void main(String[] args) throws Exception {
    System.gc();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread echo = new Thread(() -> echo(server), "echo");
      echo.setDaemon(true);
      echo.start();
      Object monitor = new Object();
      for (int round = 1; ; round++) {
        allocate();
        synchronized (monitor) {
          monitor.wait(20);
        }
        roundTrip(server.getLocalPort());
        System.out.println("ROUND " + round);
        Thread.sleep(100);
      }
    }
  }

  private static void allocate() {
    byte[][] small = new byte[1000][];
    for (int i = 0; i < small.length; i++) {
      small[i] = new byte[1024];
    }
    sink = small;
    sink = new byte[8 * 1024 * 1024]; // larger than any TLAB: allocated outside
  }

  private static void roundTrip(int port) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = socket.getOutputStream();
      out.write(new byte[MESSAGE_BYTES]);
      out.flush();
      readFully(socket.getInputStream(), MESSAGE_BYTES);
    }
  }

  private static void echo(ServerSocket server) {
    while (true) {
      try (Socket socket = server.accept()) {
        byte[] message = readFully(socket.getInputStream(), MESSAGE_BYTES);
        Thread.sleep(20); // the client's read blocks meanwhile
        socket.getOutputStream().write(message);
      } catch (IOException | InterruptedException e) {
        return;
      }
    }
  }

  private static byte[] readFully(InputStream in, int length) throws IOException {
    byte[] bytes = new byte[length];
    int read = 0;
    while (read < length) {
      int n = in.read(bytes, read, length - read);
      if (n < 0) {
        throw new IOException("closed after " + read + " bytes");
      }
      read += n;
    }
    return bytes;
  }
}
