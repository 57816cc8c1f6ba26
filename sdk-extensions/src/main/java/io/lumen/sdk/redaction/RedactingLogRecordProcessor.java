package io.lumen.sdk.redaction;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;

/**
 * Masks secrets in log record attributes (see {@link Redaction}). It must run before the
 * processor that exports: the batch processor copies the record when it receives it, so Lumen
 * adds this one first. The body is not changed.
 */
public final class RedactingLogRecordProcessor implements LogRecordProcessor {

  private final Redaction redaction;

  private RedactingLogRecordProcessor(Redaction redaction) {
    this.redaction = redaction;
  }

  public static RedactingLogRecordProcessor create(Redaction redaction) {
    return new RedactingLogRecordProcessor(redaction);
  }

  @Override
  public void onEmit(Context context, ReadWriteLogRecord logRecord) {
    redaction.forEachRedacted(
        logRecord.getAttributes(), (key, value) -> setUnchecked(logRecord, key, value));
  }

  @SuppressWarnings("unchecked")
  private static <T> void setUnchecked(ReadWriteLogRecord logRecord, AttributeKey<T> key, Object value) {
    logRecord.setAttribute(key, (T) value);
  }

  @Override
  public String toString() {
    return "RedactingLogRecordProcessor{" + redaction + '}';
  }
}
