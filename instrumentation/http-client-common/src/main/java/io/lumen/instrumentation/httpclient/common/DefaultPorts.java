package io.lumen.instrumentation.httpclient.common;

import javax.annotation.Nullable;

/**
 * The port a URL without one connects to, so that {@code server.port} is set on every span: the
 * conventions require it, and metrics group by it.
 */
public final class DefaultPorts {

  private DefaultPorts() {}

  /**
   * {@code port} if the URL named one ({@code port > 0}), else 80 for {@code http} and 443 for
   * {@code https}; null for other schemes.
   */
  @Nullable
  public static Integer portOrDefault(@Nullable String scheme, int port) {
    if (port > 0) {
      return port;
    }
    if ("http".equalsIgnoreCase(scheme)) {
      return 80;
    }
    if ("https".equalsIgnoreCase(scheme)) {
      return 443;
    }
    return null;
  }
}
