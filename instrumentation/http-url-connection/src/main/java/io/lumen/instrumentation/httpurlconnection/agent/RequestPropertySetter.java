package io.lumen.instrumentation.httpurlconnection.agent;

import io.opentelemetry.context.propagation.TextMapSetter;
import java.net.HttpURLConnection;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes trace headers as request properties. The span starts before the connection is made, so
 * they can still be set; a connection that some other code already connected is sent without them.
 */
enum RequestPropertySetter implements TextMapSetter<HttpURLConnection> {
  INSTANCE;

  private static final Logger logger = Logger.getLogger(RequestPropertySetter.class.getName());

  @Override
  public void set(HttpURLConnection connection, String key, String value) {
    if (connection == null) {
      return;
    }
    try {
      connection.setRequestProperty(key, value);
    } catch (IllegalStateException alreadyConnected) {
      logger.log(
          Level.FINE, "connection already made; sent without trace headers", alreadyConnected);
    }
  }
}
