package io.lumen.testing.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free TCP ports for servers started by forked JVMs. A port is free when asked for; another
 * process could take it before the forked JVM binds it, which on a test machine is rare enough.
 */
public final class FreePorts {

  /** A TCP port on 127.0.0.1 that nothing listens on right now. */
  public static int find() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free TCP port", e);
    }
  }

  private FreePorts() {}
}
