package io.lumen.instrumentation.jms.v1_1;

import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import javax.annotation.Nullable;
import javax.jms.JMSException;
import javax.jms.Message;

/**
 * Propagation headers as JMS message properties. Property names must be Java identifiers, so a
 * {@code -} (as in {@code X-B3-TraceId}) is written as {@code __dash__} and read back.
 */
enum MessageProperties implements TextMapGetter<JmsMessage>, TextMapSetter<JmsMessage> {
  INSTANCE;

  private static final String DASH = "__dash__";

  @Override
  public void set(@Nullable JmsMessage request, String key, String value) {
    if (request == null) {
      return;
    }
    try {
      request.message().setStringProperty(key.replace("-", DASH), value);
    } catch (JMSException | RuntimeException e) {
      // A received message being sent on is read-only (MessageNotWriteableException): it keeps
      // the context it came with.
    }
  }

  @Override
  public Iterable<String> keys(JmsMessage request) {
    List<String> keys = new ArrayList<>();
    try {
      Enumeration<?> names = request.message().getPropertyNames();
      while (names.hasMoreElements()) {
        keys.add(String.valueOf(names.nextElement()).replace(DASH, "-"));
      }
    } catch (JMSException | RuntimeException e) {
      return Collections.emptyList();
    }
    return keys;
  }

  @Override
  @Nullable
  public String get(@Nullable JmsMessage request, String key) {
    if (request == null) {
      return null;
    }
    return property(request.message(), key.replace("-", DASH));
  }

  @Nullable
  static String property(Message message, String name) {
    try {
      Object value = message.getObjectProperty(name);
      return value == null ? null : value.toString();
    } catch (JMSException | RuntimeException e) {
      return null;
    }
  }
}
