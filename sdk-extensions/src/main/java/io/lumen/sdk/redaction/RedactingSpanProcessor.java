package io.lumen.sdk.redaction;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.internal.ExtendedSpanProcessor;

/**
 * Masks secrets in span attributes (see {@link Redaction}) before any exporter sees the span.
 *
 * <p>It works in {@code onEnding}, the last moment a span is still writable: after the
 * application and instrumentations set their last attribute (response headers, for example),
 * before {@code onEnd} hands the now immutable span to the batch processor. Attributes given at
 * span start are masked there too; a sampler or another processor's {@code onStart} still sees
 * them unmasked, which is fine because neither exports. Span events are not changed.
 *
 * <p>{@code onEnding} is an extension point the SDK marks internal ({@code ExtendedSpanProcessor});
 * it is the only way to change attributes set after start without re-wrapping every exported span.
 */
public final class RedactingSpanProcessor implements ExtendedSpanProcessor {

  private final Redaction redaction;

  private RedactingSpanProcessor(Redaction redaction) {
    this.redaction = redaction;
  }

  public static RedactingSpanProcessor create(Redaction redaction) {
    return new RedactingSpanProcessor(redaction);
  }

  @Override
  public void onEnding(ReadWriteSpan span) {
    redaction.forEachRedacted(span.getAttributes(), (key, value) -> setUnchecked(span, key, value));
  }

  @SuppressWarnings("unchecked")
  private static <T> void setUnchecked(
      ReadWriteSpan span, AttributeKey<T> key, Object value) {
    span.setAttribute(key, (T) value);
  }

  @Override
  public boolean isOnEndingRequired() {
    return true;
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {}

  @Override
  public boolean isStartRequired() {
    return false;
  }

  @Override
  public void onEnd(ReadableSpan span) {}

  @Override
  public boolean isEndRequired() {
    return false;
  }

  @Override
  public String toString() {
    return "RedactingSpanProcessor{" + redaction + '}';
  }
}
