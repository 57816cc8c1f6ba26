package io.lumen.instrumentation.executors;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a task that cannot carry its context itself (a lambda, whose class cannot be instrumented)
 * in the context it was submitted in. The context is handed over once: it is gone from the wrapper
 * when the task starts, so a wrapper the application still reaches (through {@code getQueue()})
 * keeps no request alive.
 */
final class ContextPropagatingRunnable implements Runnable {

  private final Runnable delegate;
  private final AtomicReference<Context> context;

  ContextPropagatingRunnable(Runnable delegate, AtomicReference<Context> context) {
    this.delegate = delegate;
    this.context = context;
  }

  Runnable delegate() {
    return delegate;
  }

  @Override
  public void run() {
    Context submitted = context.getAndSet(null);
    if (submitted == null) {
      delegate.run();
      return;
    }
    try (Scope ignored = submitted.makeCurrent()) {
      delegate.run();
    }
  }

  /** The task's own, so messages such as a rejection's read as without the agent. */
  @Override
  public String toString() {
    return delegate.toString();
  }
}
