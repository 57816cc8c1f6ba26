package io.lumen.testing.agent;

import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.ReceivedTrace;
import java.util.List;
import java.util.function.Consumer;

/**
 * One static import for agent tests: the entry points of the trace assertions, and span
 * expectations to pass to {@link SpanAssert#withChild} and {@link TraceAssert#hasSpanSatisfying}.
 *
 * <pre>{@code
 * assertThat(trace).hasServerSpan("GET /users/{id}").withChild(clientSpan("SELECT users"));
 * }</pre>
 *
 * <p>The {@code assertThat} overloads live happily next to AssertJ's, statically imported together.
 */
public final class TelemetryAssertions {

  public static TraceAssert assertThat(ReceivedTrace trace) {
    return TraceAssert.assertThat(trace);
  }

  public static SpanAssert assertThat(ReceivedSpan span) {
    return SpanAssert.assertThat(span);
  }

  public static SpansAssert assertThatSpans(List<ReceivedSpan> spans) {
    return SpansAssert.assertThatSpans(spans);
  }

  /** A span named {@code name}, of any kind. */
  public static Consumer<SpanAssert> span(String name) {
    return span -> span.hasName(name);
  }

  /** A SERVER span named {@code name}. */
  public static Consumer<SpanAssert> serverSpan(String name) {
    return span -> span.hasName(name).isServer();
  }

  /** A CLIENT span named {@code name}. */
  public static Consumer<SpanAssert> clientSpan(String name) {
    return span -> span.hasName(name).isClient();
  }

  /** An INTERNAL span named {@code name}. */
  public static Consumer<SpanAssert> internalSpan(String name) {
    return span -> span.hasName(name).isInternal();
  }

  private TelemetryAssertions() {}
}
