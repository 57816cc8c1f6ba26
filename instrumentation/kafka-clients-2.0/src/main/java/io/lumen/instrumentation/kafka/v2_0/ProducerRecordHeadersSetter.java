package io.lumen.instrumentation.kafka.v2_0;

import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Writes propagation headers ({@code traceparent}, ...) into a record about to be sent. A header of
 * the same name is replaced rather than added to, so that a record the application sends twice
 * carries the context of the second send only.
 */
enum ProducerRecordHeadersSetter implements TextMapSetter<ProducerRecord<?, ?>> {
  INSTANCE;

  @Override
  public void set(ProducerRecord<?, ?> record, String key, String value) {
    if (record == null) {
      return;
    }
    Headers headers = record.headers();
    try {
      headers.remove(key);
      headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalStateException readOnly) {
      // A record the application sends a second time: its headers were frozen by the first send
      // and keep that send's context.
    }
  }
}
