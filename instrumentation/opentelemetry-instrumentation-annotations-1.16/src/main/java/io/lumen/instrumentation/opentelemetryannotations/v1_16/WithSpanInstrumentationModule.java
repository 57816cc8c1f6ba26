package io.lumen.instrumentation.opentelemetryannotations.v1_16;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Spans for methods annotated with {@code @WithSpan} from the application's {@code
 * io.opentelemetry.instrumentation:opentelemetry-instrumentation-annotations} (1.16 and later),
 * with {@code @SpanAttribute} parameters as span attributes. Enabled by {@code
 * otel.instrumentation.opentelemetry-instrumentation-annotations.enabled}.
 */
public final class WithSpanInstrumentationModule extends InstrumentationModule {

  public WithSpanInstrumentationModule() {
    super(
        "opentelemetry-instrumentation-annotations",
        "opentelemetry-instrumentation-annotations-1.16");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed(AnnotationNames.WITH_SPAN);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new WithSpanInstrumentation());
  }
}
