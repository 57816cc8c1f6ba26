package io.lumen.instrumentation.methods;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import java.lang.reflect.Method;

/** One call of a traced method: what its span is named and made of. */
public final class TracedMethod {

  private final Class<?> declaringClass;
  private final String methodName;
  private final String spanName;
  private final SpanKind kind;
  private final Attributes attributes;

  private TracedMethod(
      Class<?> declaringClass,
      String methodName,
      String spanName,
      SpanKind kind,
      Attributes attributes) {
    this.declaringClass = declaringClass;
    this.methodName = methodName;
    this.spanName = spanName;
    this.kind = kind;
    this.attributes = attributes;
  }

  /**
   * A call of {@code method}, in a span named {@code spanName} (the simple class name and the
   * method name, {@code OrderService.place}, when empty).
   */
  public static TracedMethod create(
      Method method, String spanName, SpanKind kind, Attributes attributes) {
    return create(method.getDeclaringClass(), method.getName(), spanName, kind, attributes);
  }

  /** A call of the method {@code methodName} of {@code declaringClass}. */
  public static TracedMethod create(
      Class<?> declaringClass,
      String methodName,
      String spanName,
      SpanKind kind,
      Attributes attributes) {
    String name =
        spanName == null || spanName.isEmpty()
            ? simpleName(declaringClass) + "." + methodName
            : spanName;
    return new TracedMethod(declaringClass, methodName, name, kind, attributes);
  }

  /** {@code Outer$Inner} rather than {@code Inner}, and something readable for anonymous classes. */
  private static String simpleName(Class<?> type) {
    String name = type.getName();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  public Class<?> declaringClass() {
    return declaringClass;
  }

  public String methodName() {
    return methodName;
  }

  public String spanName() {
    return spanName;
  }

  public SpanKind kind() {
    return kind;
  }

  public Attributes attributes() {
    return attributes;
  }
}
