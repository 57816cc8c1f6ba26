package io.lumen.instrumentation.executors;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/** The {@link Callable} counterpart of {@link ContextPropagatingRunnable}. */
final class ContextPropagatingCallable<V> implements Callable<V> {

  private final Callable<V> delegate;
  private final AtomicReference<Context> context;

  ContextPropagatingCallable(Callable<V> delegate, AtomicReference<Context> context) {
    this.delegate = delegate;
    this.context = context;
  }

  @Override
  public V call() throws Exception {
    Context submitted = context.getAndSet(null);
    if (submitted == null) {
      return delegate.call();
    }
    try (Scope ignored = submitted.makeCurrent()) {
      return delegate.call();
    }
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
