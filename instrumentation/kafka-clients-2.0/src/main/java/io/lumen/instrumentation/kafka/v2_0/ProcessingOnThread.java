package io.lumen.instrumentation.kafka.v2_0;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;

/**
 * The process span open on this thread, if any. A loop over polled records has no hook at the end
 * of each turn, so a record's span stays current from the moment the loop takes it until the loop
 * takes the next one, finds no more, or the consumer polls again; a loop left early by {@code
 * break} or an exception has its last span ended by the next poll on the thread.
 *
 * <p>Per thread because a scope must be closed on the thread that opened it, and because a consumer
 * is single-threaded: its loop runs on one thread.
 */
final class ProcessingOnThread {

  private static final ThreadLocal<ProcessingOnThread> CURRENT = new ThreadLocal<>();

  private final Instrumenter<ReceivedRecord, Void> instrumenter;
  private final Context context;
  private final ReceivedRecord request;
  private final Scope scope;

  private ProcessingOnThread(
      Instrumenter<ReceivedRecord, Void> instrumenter, Context context, ReceivedRecord request) {
    this.instrumenter = instrumenter;
    this.context = context;
    this.request = request;
    this.scope = context.makeCurrent();
  }

  static void begin(
      Instrumenter<ReceivedRecord, Void> instrumenter, Context context, ReceivedRecord request) {
    CURRENT.set(new ProcessingOnThread(instrumenter, context, request));
  }

  static void end() {
    ProcessingOnThread open = CURRENT.get();
    if (open == null) {
      return;
    }
    CURRENT.remove();
    open.scope.close();
    open.instrumenter.end(open.context, open.request, null, null);
  }
}
