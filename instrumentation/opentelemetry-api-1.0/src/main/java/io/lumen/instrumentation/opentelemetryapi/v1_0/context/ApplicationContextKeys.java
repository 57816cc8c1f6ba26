package io.lumen.instrumentation.opentelemetryapi.v1_0.context;

import application.io.opentelemetry.api.baggage.Baggage;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.ContextKey;
import application.io.opentelemetry.context.ImplicitContextKeyed;

/**
 * The application API's own context keys of the values the agent shares with it: the span and the
 * baggage.
 *
 * <p>Those keys are package-private fields of the application's API. Rather than reading them by
 * reflection (which a module system may forbid), each is observed the one way the API itself uses
 * it: a value stores itself into a context by calling {@link Context#with(ContextKey, Object)} with
 * its key, and a context that records that call learns the key.
 */
final class ApplicationContextKeys {

  /** The key of {@code Span.current()}; null only if the API stores spans some other way. */
  static final ContextKey<Span> SPAN = capture(Span.getInvalid());

  /** The key of {@code Baggage.current()}; null only if the API stores baggage some other way. */
  static final ContextKey<Baggage> BAGGAGE = capture(Baggage.empty());

  private ApplicationContextKeys() {}

  @SuppressWarnings("unchecked") // the key a value of type T stores itself under is a key of T
  private static <T extends ImplicitContextKeyed> ContextKey<T> capture(T value) {
    KeyRecordingContext recorder = new KeyRecordingContext();
    value.storeInContext(recorder);
    return (ContextKey<T>) recorder.key;
  }

  /** An empty context that remembers the key of the first value stored into it. */
  private static final class KeyRecordingContext implements Context {
    private ContextKey<?> key;

    @Override
    public <V> V get(ContextKey<V> requested) {
      return null;
    }

    @Override
    public <V> Context with(ContextKey<V> written, V value) {
      if (key == null) {
        key = written;
      }
      return this;
    }
  }
}
