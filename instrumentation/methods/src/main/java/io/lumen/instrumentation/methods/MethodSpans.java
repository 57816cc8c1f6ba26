package io.lumen.instrumentation.methods;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.incubator.semconv.code.CodeAttributesExtractor;
import io.opentelemetry.instrumentation.api.incubator.semconv.code.CodeAttributesGetter;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Spans around method calls: one per call, named after the method (or as asked), with the {@code
 * code.*} attributes, ended when the method returns or throws, or, for a method that returns a
 * {@code CompletionStage} ({@code CompletableFuture}), when that stage completes.
 *
 * <p>Shared by the methods and the annotations instrumentations; each builds its own, with its own
 * instrumentation scope name.
 */
public final class MethodSpans {

  private final Instrumenter<TracedMethod, Object> instrumenter;

  private MethodSpans(Instrumenter<TracedMethod, Object> instrumenter) {
    this.instrumenter = instrumenter;
  }

  /** Method spans reported to {@code openTelemetry} under the scope {@code instrumentationName}. */
  public static MethodSpans create(OpenTelemetry openTelemetry, String instrumentationName) {
    Instrumenter<TracedMethod, Object> instrumenter =
        Instrumenter.<TracedMethod, Object>builder(
                openTelemetry, instrumentationName, TracedMethod::spanName)
            .addAttributesExtractor(CodeAttributesExtractor.create(CodeGetter.INSTANCE))
            .addAttributesExtractor(DeclaredAttributes.INSTANCE)
            .buildInstrumenter(TracedMethod::kind);
    return new MethodSpans(instrumenter);
  }

  /**
   * Starts the span of {@code method} as a child of {@code parent}.
   *
   * @return the span's context, to make current and to pass to {@link #end}; {@code null} if no
   *     span is started (the instrumenter declined, for example because tracing is suppressed)
   */
  public Context start(Context parent, TracedMethod method) {
    if (!instrumenter.shouldStart(parent, method)) {
      return null;
    }
    return instrumenter.start(parent, method);
  }

  /**
   * Ends the span of a call that returned {@code result} or threw {@code error}. A {@code
   * CompletionStage} result that is not complete yet ends the span when it completes.
   */
  public void end(Context context, TracedMethod method, Object result, Throwable error) {
    if (error == null && result instanceof CompletionStage) {
      ((CompletionStage<?>) result)
          .whenComplete(
              (value, failure) -> instrumenter.end(context, method, value, unwrap(failure)));
      return;
    }
    instrumenter.end(context, method, result, error);
  }

  /** The failure of the method itself, not the wrapper the stage machinery added around it. */
  private static Throwable unwrap(Throwable failure) {
    if ((failure instanceof CompletionException || failure instanceof ExecutionException)
        && failure.getCause() != null) {
      return failure.getCause();
    }
    return failure;
  }

  /** The attributes the call itself declares, such as {@code @SpanAttribute} parameters. */
  private enum DeclaredAttributes implements AttributesExtractor<TracedMethod, Object> {
    INSTANCE;

    @Override
    public void onStart(AttributesBuilder attributes, Context parentContext, TracedMethod method) {
      attributes.putAll(method.attributes());
    }

    @Override
    public void onEnd(
        AttributesBuilder attributes,
        Context context,
        TracedMethod method,
        Object result,
        Throwable error) {}
  }

  private enum CodeGetter implements CodeAttributesGetter<TracedMethod> {
    INSTANCE;

    @Override
    public Class<?> getCodeClass(TracedMethod method) {
      return method.declaringClass();
    }

    @Override
    public String getMethodName(TracedMethod method) {
      return method.methodName();
    }
  }
}
