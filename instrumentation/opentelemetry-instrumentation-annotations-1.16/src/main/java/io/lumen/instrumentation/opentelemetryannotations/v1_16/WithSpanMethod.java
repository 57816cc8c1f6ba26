package io.lumen.instrumentation.opentelemetryannotations.v1_16;

import io.lumen.instrumentation.methods.TracedMethod;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the annotations of one {@code @WithSpan} method ask for: the span's name and kind, whether
 * it continues the current trace, and which parameters become attributes under which names.
 *
 * <p>The annotations are the application's classes, read reflectively by name. Elements a version
 * lacks ({@code inheritContext} came after 1.16) take the annotation's documented default.
 */
public final class WithSpanMethod {

  private static final Logger logger = Logger.getLogger(WithSpanMethod.class.getName());

  private final Method method;
  private final String spanName;
  private final SpanKind kind;
  private final boolean inheritContext;
  private final int[] attributeParameters;
  private final String[] attributeNames;

  private WithSpanMethod(
      Method method,
      String spanName,
      SpanKind kind,
      boolean inheritContext,
      int[] attributeParameters,
      String[] attributeNames) {
    this.method = method;
    this.spanName = spanName;
    this.kind = kind;
    this.inheritContext = inheritContext;
    this.attributeParameters = attributeParameters;
    this.attributeNames = attributeNames;
  }

  static WithSpanMethod read(Method method) {
    Annotation withSpan = annotation(method.getAnnotations(), AnnotationNames.WITH_SPAN);
    String spanName = withSpan == null ? "" : stringElement(withSpan, "value", "");
    SpanKind kind = SpanKind.INTERNAL;
    boolean inheritContext = true;
    if (withSpan != null) {
      Object declaredKind = element(withSpan, "kind");
      if (declaredKind instanceof Enum) {
        kind = SpanKind.valueOf(((Enum<?>) declaredKind).name());
      }
      Object inherit = element(withSpan, "inheritContext");
      if (inherit instanceof Boolean) {
        inheritContext = (Boolean) inherit;
      }
    }

    List<Integer> indexes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Annotation[][] parameterAnnotations = method.getParameterAnnotations();
    Parameter[] parameters = method.getParameters();
    for (int i = 0; i < parameterAnnotations.length; i++) {
      Annotation spanAttribute = annotation(parameterAnnotations[i], AnnotationNames.SPAN_ATTRIBUTE);
      if (spanAttribute == null) {
        continue;
      }
      String name = stringElement(spanAttribute, "value", "");
      if (name.isEmpty() && i < parameters.length && parameters[i].isNamePresent()) {
        name = parameters[i].getName();
      }
      if (name.isEmpty()) {
        // Without -parameters the compiler kept no name, and a made-up one would mislead.
        logger.log(
            Level.FINE,
            "@SpanAttribute parameter {0} of {1} has no name (compile with -parameters or name it)",
            new Object[] {i, method});
        continue;
      }
      indexes.add(i);
      names.add(name);
    }
    int[] attributeParameters = new int[indexes.size()];
    for (int i = 0; i < attributeParameters.length; i++) {
      attributeParameters[i] = indexes.get(i);
    }
    return new WithSpanMethod(
        method, spanName, kind, inheritContext, attributeParameters, names.toArray(new String[0]));
  }

  boolean inheritsContext() {
    return inheritContext;
  }

  /** One call of the method with these arguments. */
  TracedMethod call(Object[] arguments) {
    Attributes attributes = Attributes.empty();
    if (attributeParameters.length > 0 && arguments != null) {
      AttributesBuilder builder = Attributes.builder();
      for (int i = 0; i < attributeParameters.length; i++) {
        int index = attributeParameters[i];
        if (index < arguments.length) {
          put(builder, attributeNames[i], arguments[index]);
        }
      }
      attributes = builder.build();
    }
    return TracedMethod.create(method, spanName, kind, attributes);
  }

  /** Typed like the value where OpenTelemetry has the type, as its string otherwise. */
  private static void put(AttributesBuilder builder, String name, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof String) {
      builder.put(AttributeKey.stringKey(name), (String) value);
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      builder.put(AttributeKey.longKey(name), ((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      builder.put(AttributeKey.doubleKey(name), ((Number) value).doubleValue());
    } else if (value instanceof Boolean) {
      builder.put(AttributeKey.booleanKey(name), (Boolean) value);
    } else if (value instanceof String[]) {
      List<String> strings = new ArrayList<>();
      for (String element : (String[]) value) {
        strings.add(element);
      }
      builder.put(AttributeKey.stringArrayKey(name), strings);
    } else if (value instanceof Collection) {
      List<String> strings = new ArrayList<>();
      for (Object element : (Collection<?>) value) {
        strings.add(String.valueOf(element));
      }
      builder.put(AttributeKey.stringArrayKey(name), strings);
    } else {
      builder.put(AttributeKey.stringKey(name), String.valueOf(value));
    }
  }

  private static Annotation annotation(Annotation[] annotations, String typeName) {
    for (Annotation annotation : annotations) {
      if (annotation.annotationType().getName().equals(typeName)) {
        return annotation;
      }
    }
    return null;
  }

  private static String stringElement(Annotation annotation, String name, String fallback) {
    Object value = element(annotation, name);
    return value instanceof String ? (String) value : fallback;
  }

  private static Object element(Annotation annotation, String name) {
    try {
      return annotation.annotationType().getMethod(name).invoke(annotation);
    } catch (ReflectiveOperationException | RuntimeException absentInThisVersion) {
      return null;
    }
  }
}
