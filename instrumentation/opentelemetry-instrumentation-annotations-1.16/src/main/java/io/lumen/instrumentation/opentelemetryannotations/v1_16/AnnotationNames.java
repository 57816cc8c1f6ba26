package io.lumen.instrumentation.opentelemetryannotations.v1_16;

/**
 * The names of the application's annotations. Written with the {@code application.} prefix: the
 * agent jar's build relocates every {@code io.opentelemetry} name in the agent's classes, string
 * constants included, to the agent's private copy, and relocates {@code
 * application.io.opentelemetry} back to {@code io.opentelemetry}, the application's own name.
 */
final class AnnotationNames {

  static final String WITH_SPAN =
      "application.io.opentelemetry.instrumentation.annotations.WithSpan";
  static final String SPAN_ATTRIBUTE =
      "application.io.opentelemetry.instrumentation.annotations.SpanAttribute";

  private AnnotationNames() {}
}
