package io.lumen.instrumentation.kafka.v2_0;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.annotation.Nullable;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Ends a send span when the broker has answered (on the producer's I/O thread), then calls the
 * application's callback, if any, in the context the application sent from: what it does there
 * belongs to the application's trace, not to the send span.
 */
final class SendCompletionCallback implements Callback {

  private final Instrumenter<ProducerRecord<?, ?>, RecordMetadata> instrumenter;
  private final Context context;
  private final Context parentContext;
  private final ProducerRecord<?, ?> record;
  @Nullable private final Callback callback;
  private final AtomicBoolean ended = new AtomicBoolean();

  SendCompletionCallback(
      Instrumenter<ProducerRecord<?, ?>, RecordMetadata> instrumenter,
      Context context,
      Context parentContext,
      ProducerRecord<?, ?> record,
      @Nullable Callback callback) {
    this.instrumenter = instrumenter;
    this.context = context;
    this.parentContext = parentContext;
    this.record = record;
    this.callback = callback;
  }

  @Override
  public void onCompletion(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
    if (ended.compareAndSet(false, true)) {
      instrumenter.end(context, record, metadata, exception);
    }
    if (callback != null) {
      try (Scope ignored = parentContext.makeCurrent()) {
        callback.onCompletion(metadata, exception);
      }
    }
  }

  /**
   * Ends the span of a send that threw: the producer then usually never calls the callback, but
   * for some errors it does both, and the span must end once.
   */
  void sendFailed(Throwable error) {
    if (ended.compareAndSet(false, true)) {
      instrumenter.end(context, record, null, error);
    }
  }
}
