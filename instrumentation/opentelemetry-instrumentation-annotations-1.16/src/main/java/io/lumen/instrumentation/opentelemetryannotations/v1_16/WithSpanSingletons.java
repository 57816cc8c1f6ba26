package io.lumen.instrumentation.opentelemetryannotations.v1_16;

import io.lumen.instrumentation.methods.MethodSpans;
import io.opentelemetry.api.GlobalOpenTelemetry;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The spans of {@code @WithSpan} methods (scope {@code
 * io.lumen.opentelemetry-instrumentation-annotations-1.16}), and what each method's annotations
 * say, read once per method.
 *
 * <p>The cache holds the application's {@code Method}s strongly: this class exists once per
 * application class loader, so it lives and dies with the classes it holds.
 */
public final class WithSpanSingletons {

  private static final MethodSpans SPANS =
      MethodSpans.create(
          GlobalOpenTelemetry.get(), "io.lumen.opentelemetry-instrumentation-annotations-1.16");

  private static final ConcurrentMap<Method, WithSpanMethod> METHODS = new ConcurrentHashMap<>();

  private WithSpanSingletons() {}

  public static MethodSpans spans() {
    return SPANS;
  }

  public static WithSpanMethod method(Method method) {
    WithSpanMethod withSpan = METHODS.get(method);
    if (withSpan == null) {
      withSpan = WithSpanMethod.read(method);
      METHODS.putIfAbsent(method, withSpan);
    }
    return withSpan;
  }
}
