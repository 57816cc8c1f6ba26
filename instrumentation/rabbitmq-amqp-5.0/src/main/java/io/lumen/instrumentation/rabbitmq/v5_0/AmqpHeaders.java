package io.lumen.instrumentation.rabbitmq.v5_0;

import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Propagation headers in AMQP message headers. Written as strings; they come back from the broker
 * as {@code LongString}s, so they are read with {@code toString()}.
 */
enum AmqpHeaders implements TextMapGetter<AmqpMessage>, TextMapSetter<AmqpMessage> {
  INSTANCE;

  @Override
  public void set(@Nullable AmqpMessage message, String key, String value) {
    if (message != null) {
      message.headers().put(key, value);
    }
  }

  @Override
  public Iterable<String> keys(AmqpMessage message) {
    return message.headers().keySet();
  }

  @Override
  @Nullable
  public String get(@Nullable AmqpMessage message, String key) {
    if (message == null) {
      return null;
    }
    Object value = message.headers().get(key);
    return value == null ? null : value.toString();
  }

  /** A writable copy of a message's headers, empty if it has none. */
  static Map<String, Object> copyOf(@Nullable Map<String, Object> headers) {
    return headers == null ? new HashMap<>() : new HashMap<>(headers);
  }

  /** A message's headers as they are, for reading only. */
  static Map<String, Object> of(@Nullable Map<String, Object> headers) {
    return headers == null ? Collections.<String, Object>emptyMap() : headers;
  }
}
