package io.lumen.instrumentation.kafka.v2_0;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads propagation headers from a received record; the last of several same-named ones wins. */
enum ConsumerRecordHeadersGetter implements TextMapGetter<ConsumerRecord<?, ?>> {
  INSTANCE;

  @Override
  public Iterable<String> keys(ConsumerRecord<?, ?> record) {
    List<String> keys = new ArrayList<>();
    for (Header header : record.headers()) {
      keys.add(header.key());
    }
    return keys;
  }

  @Override
  @Nullable
  public String get(@Nullable ConsumerRecord<?, ?> record, String key) {
    if (record == null) {
      return null;
    }
    Header header = record.headers().lastHeader(key);
    if (header == null || header.value() == null) {
      return null;
    }
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
