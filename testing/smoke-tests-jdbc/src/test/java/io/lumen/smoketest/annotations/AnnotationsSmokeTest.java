package io.lumen.smoketest.annotations;

import static io.lumen.testing.agent.TelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.support.AgentApps;
import io.lumen.smoketest.support.LibraryJars;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.ReceivedTrace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An application traced only by its own {@code @WithSpan} annotations and by {@code
 * otel.instrumentation.methods.include}: the spans at the receiver.
 */
class AnnotationsSmokeTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final String PACKAGE = "io.lumen.smoketest.annotations.";
  private static final String ANNOTATIONS_SCOPE =
      "io.lumen.opentelemetry-instrumentation-annotations-1.16";

  private static OtlpReceiver receiver;
  private static List<ReceivedSpan> spans;

  @BeforeAll
  static void runApplication() {
    receiver = OtlpReceiver.start();
    try (ForkedJvm app =
        AgentApps.builder(AnnotationsApp.class, receiver)
            .addClassPath(LibraryJars.annotations())
            .systemProperty(
                "otel.instrumentation.methods.include",
                PACKAGE + "PlainService[foo,bar];" + PACKAGE + "Greeter[greet]")
            .start()) {
      assertThat(app.waitForExit(TIMEOUT)).as("exit code").isZero();
    }
    receiver.awaitSpan("FriendlyGreeter.greet", TIMEOUT);
    receiver.awaitSpans(span -> span.name().equals("AnnotatedService.async"), 2, TIMEOUT);
    spans = receiver.spans();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  private static ReceivedSpan span(String name) {
    List<ReceivedSpan> named = spans.stream().filter(span -> span.name().equals(name)).toList();
    assertThat(named).as("spans named %s", name).hasSize(1);
    return named.get(0);
  }

  private static ReceivedTrace traceOf(ReceivedSpan span) {
    return ReceivedTrace.of(
        span.traceId(), spans.stream().filter(s -> s.traceId().equals(span.traceId())).toList());
  }

  @Test
  void withSpanMakesAnInternalSpanNamedAfterTheMethod() {
    assertThat(span("AnnotatedService.plain"))
        .isInternal()
        .isRoot()
        .isNotError()
        .hasScopeName(ANNOTATIONS_SCOPE)
        .hasAttribute("code.function.name", PACKAGE + "AnnotatedService.plain");
    assertThat(span("AnnotatedService.staticMethod")).isInternal();
  }

  @Test
  void theAnnotationNamesTheSpanAndItsKind() {
    assertThat(span("custom name")).isInternal();
    assertThat(span("AnnotatedService.client")).isClient();
    assertThat(span("AnnotatedService.consumer")).isConsumer();
  }

  @Test
  void spanAttributeParametersBecomeTypedAttributes() {
    assertThat(span("AnnotatedService.attributes"))
        .hasAttribute("user.id", 42L)
        .hasAttribute("userName", "ada")
        .hasAttribute("roles", List.of("admin", "dev"))
        .hasAttribute("ratio", 0.5)
        .hasAttribute("active", true)
        .doesNotHaveAttribute("absent")
        .doesNotHaveAttribute("notAnAttribute");
  }

  @Test
  void exceptionsMakeTheSpanAnError() {
    assertThat(span("AnnotatedService.fails"))
        .isError()
        .hasException("java.lang.IllegalStateException");
  }

  @Test
  void nestedAnnotatedCallsNest() {
    ReceivedSpan outer = span("AnnotatedService.outer");
    assertThat(traceOf(outer))
        .hasNoMissingParents()
        .hasSpanCount(2)
        .hasRootSpan("AnnotatedService.outer")
        .hasChild("AnnotatedService.inner");
  }

  @Test
  void inheritContextFalseStartsATraceOfItsOwn() {
    ReceivedSpan caller = span("caller");
    assertThat(span("AnnotatedService.detached")).isRoot();
    assertThat(span("AnnotatedService.detached").traceId()).isNotEqualTo(caller.traceId());
  }

  @Test
  void asyncMethodsEndWhenTheirFutureCompletes() {
    List<ReceivedSpan> async =
        spans.stream().filter(span -> span.name().equals("AnnotatedService.async")).toList();
    ReceivedSpan completed =
        async.stream().filter(span -> !span.isError()).findFirst().orElseThrow();
    ReceivedSpan marker = span("marker");
    // The method returned before the marker ran; its span ended only when the future completed.
    assertThat(completed.startEpochNanos()).isLessThan(marker.startEpochNanos());
    assertThat(completed.endEpochNanos()).isGreaterThanOrEqualTo(marker.endEpochNanos());

    ReceivedSpan failed = async.stream().filter(ReceivedSpan::isError).findFirst().orElseThrow();
    // The method's own failure, not the CompletionException the future wraps it in.
    assertThat(failed).hasException("java.io.UncheckedIOException");
  }

  @Test
  void configuredMethodsAreTracedWithoutAnnotations() {
    assertThat(span("PlainService.foo"))
        .isInternal()
        .isRoot()
        .hasScopeName("io.lumen.methods")
        .hasAttribute("code.function.name", PACKAGE + "PlainService.foo");
    assertThat(span("PlainService.bar"))
        .isError()
        .hasException("java.lang.IllegalArgumentException");
    assertThat(spans).noneMatch(span -> span.name().equals("PlainService.notListed"));
  }

  @Test
  void anInterfaceNamedInTheConfigurationSelectsItsImplementations() {
    assertThat(span("FriendlyGreeter.greet"))
        .isInternal()
        .hasAttribute("code.function.name", PACKAGE + "FriendlyGreeter.greet");
  }
}
