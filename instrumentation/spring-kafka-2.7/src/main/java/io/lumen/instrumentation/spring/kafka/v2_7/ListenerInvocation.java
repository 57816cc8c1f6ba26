package io.lumen.instrumentation.spring.kafka.v2_7;

import io.lumen.instrumentation.kafka.common.ListenerContainerThread;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import javax.annotation.Nullable;

/**
 * One invocation of a listener by the container, with its process span current from {@link
 * SpringKafkaTelemetry#startRecord} (or {@code startBatch}) until {@link #end}. The container
 * catches what the listener throws and hands it to its error handler, which may swallow it (a
 * record to retry, a record given up on) or throw another; so the listener's own failure is noted
 * where it leaves the listener ({@link #listenerFailed}) and fails the span, whatever the container
 * then does with it. While the listener runs, the container's thread is marked as running it (polls
 * there are then the listener's own, see {@link ListenerContainerThread}).
 *
 * @param <REQUEST> a record or a batch
 */
public final class ListenerInvocation<REQUEST> {

  private static final ContextKey<ListenerInvocation<?>> KEY =
      ContextKey.named("lumen-spring-kafka-listener-invocation");

  /** Spring Kafka 3 wraps what a listener throws in this; the span records the listener's own. */
  private static final String LISTENER_EXECUTION_FAILED =
      "org.springframework.kafka.listener.ListenerExecutionFailedException";

  private final Instrumenter<REQUEST, Void> instrumenter;
  private final Context context;
  private final REQUEST request;
  @Nullable private final ListenerContainerThread container;
  private final Scope scope;
  @Nullable private Throwable listenerError;

  private ListenerInvocation(
      Instrumenter<REQUEST, Void> instrumenter,
      Context context,
      REQUEST request,
      @Nullable ListenerContainerThread container) {
    this.instrumenter = instrumenter;
    this.context = context;
    this.request = request;
    this.container = container;
    if (container != null) {
      container.listenerInvoked();
    }
    this.scope = context.with(KEY, this).makeCurrent();
  }

  @Nullable
  static <REQUEST> ListenerInvocation<REQUEST> start(
      Instrumenter<REQUEST, Void> instrumenter,
      Context parent,
      REQUEST request,
      @Nullable ListenerContainerThread container) {
    if (!instrumenter.shouldStart(parent, request)) {
      return null;
    }
    return new ListenerInvocation<>(
        instrumenter, instrumenter.start(parent, request), request, container);
  }

  /** The invocation whose listener runs on this thread, if any. */
  @Nullable
  public static ListenerInvocation<?> current() {
    return Context.current().get(KEY);
  }

  /** The listener (or the container's call of it) threw {@code error}. */
  public void listenerFailed(Throwable error) {
    Throwable cause = error.getCause();
    this.listenerError =
        cause != null && error.getClass().getName().equals(LISTENER_EXECUTION_FAILED)
            ? cause
            : error;
  }

  /**
   * Ends the span: failed with {@code thrown} if the container's invocation threw, else with what
   * the listener threw, if anything.
   */
  public void end(@Nullable Throwable thrown) {
    scope.close();
    if (container != null) {
      container.listenerReturned();
    }
    instrumenter.end(context, request, null, thrown != null ? thrown : listenerError);
  }
}
