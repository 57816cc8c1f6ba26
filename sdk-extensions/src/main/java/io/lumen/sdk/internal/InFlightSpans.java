package io.lumen.sdk.internal;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the spans started and not yet ended, so that the JVM shutdown hook can give the requests
 * finishing as the JVM stops a moment to end their spans before the span processors shut down: a
 * span that ends after that is dropped. Under SIGTERM this is the common case for the last request:
 * its response reaches the client, which stops the pod, a few microseconds before the server span
 * ends on the request thread.
 *
 * <p>This class is internal and is not for public use.
 */
public final class InFlightSpans implements SpanProcessor {

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final LongAdder open = new LongAdder();

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    open.increment();
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    open.decrement();
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  /** Spans started and not yet ended. */
  public long count() {
    return open.sum();
  }

  /**
   * Waits until no span is open, at most {@code grace}: a span that never ends (an application's
   * long-lived one, or a leak) costs the shutdown no more than that.
   *
   * @return whether every span had ended
   */
  public boolean awaitNone(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    while (open.sum() > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      try {
        TimeUnit.NANOSECONDS.sleep(Math.min(left, POLL_NANOS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "InFlightSpans{open=" + open.sum() + "}";
  }
}
