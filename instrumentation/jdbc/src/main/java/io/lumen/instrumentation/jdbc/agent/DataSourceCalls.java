package io.lumen.instrumentation.jdbc.agent;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.incubator.semconv.util.ClassAndMethod;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;

/** The {@code getConnection} calls in progress on each thread, to trace the outermost only. */
final class DataSourceCalls {

  private static final ThreadLocal<int[]> DEPTH =
      new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
          return new int[1];
        }
      };

  /** An empty result: a nested call, counted, but without a span. */
  private static final Object[] NESTED = new Object[0];

  private DataSourceCalls() {}

  static Object[] enter(Class<?> dataSourceClass) {
    int[] depth = DEPTH.get();
    if (depth[0]++ > 0) {
      return NESTED;
    }
    Context parent = Context.current();
    if (!Span.fromContext(parent).getSpanContext().isValid()) {
      return NESTED;
    }
    Instrumenter<ClassAndMethod, Void> instrumenter = JdbcSingletons.dataSources();
    ClassAndMethod request = ClassAndMethod.create(dataSourceClass, "getConnection");
    if (!instrumenter.shouldStart(parent, request)) {
      return NESTED;
    }
    Context context = instrumenter.start(parent, request);
    return new Object[] {request, context, context.makeCurrent()};
  }

  static void exit(Object[] call, Throwable error) {
    if (call == null) {
      return;
    }
    DEPTH.get()[0]--;
    if (call.length == 0) {
      return;
    }
    ((Scope) call[2]).close();
    JdbcSingletons.dataSources().end((Context) call[1], (ClassAndMethod) call[0], null, error);
  }
}
