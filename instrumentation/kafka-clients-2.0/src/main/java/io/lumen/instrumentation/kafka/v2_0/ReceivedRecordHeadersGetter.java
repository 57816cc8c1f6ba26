package io.lumen.instrumentation.kafka.v2_0;

import io.opentelemetry.context.propagation.TextMapGetter;
import javax.annotation.Nullable;

/** Reads the producer's context from the headers of the record being processed. */
enum ReceivedRecordHeadersGetter implements TextMapGetter<ReceivedRecord> {
  INSTANCE;

  @Override
  public Iterable<String> keys(ReceivedRecord request) {
    return ConsumerRecordHeadersGetter.INSTANCE.keys(request.record());
  }

  @Override
  @Nullable
  public String get(@Nullable ReceivedRecord request, String key) {
    return request == null ? null : ConsumerRecordHeadersGetter.INSTANCE.get(request.record(), key);
  }
}
