package io.lumen.testing.agent;

import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.ReceivedTrace;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on a received trace, so agent tests read as what a user would see:
 *
 * <pre>{@code
 * ReceivedTrace trace = receiver.awaitTrace(span -> span.name().equals("GET /users/{id}"), 2,
 *     Duration.ofSeconds(10));
 * TraceAssert.assertThat(trace)
 *     .hasSpanCount(2)
 *     .hasNoMissingParents()
 *     .hasServerSpan("GET /users/{id}")
 *     .isRoot()
 *     .hasAttribute("http.response.status_code", 200)
 *     .withChild(span -> span.isClient().hasName("SELECT users"));
 * }</pre>
 *
 * <p>Every failure message shows the whole trace as a tree.
 */
public final class TraceAssert extends AbstractAssert<TraceAssert, ReceivedTrace> {

  TraceAssert(ReceivedTrace trace) {
    super(trace, TraceAssert.class);
  }

  public static TraceAssert assertThat(ReceivedTrace trace) {
    return new TraceAssert(trace);
  }

  public TraceAssert hasSpanCount(int count) {
    isNotNull();
    if (actual.spanCount() != count) {
      fail("Expected " + count + " span(s) but the trace has " + actual.spanCount());
    }
    return this;
  }

  /** The trace has the first span named {@code name}, of any kind. */
  public SpanAssert hasSpan(String name) {
    return hasSpan(span -> span.name().equals(name), "a span named \"" + name + "\"");
  }

  /** The trace has a span of {@code kind} named {@code name}. */
  public SpanAssert hasSpan(ReceivedSpan.Kind kind, String name) {
    return hasSpan(
        span -> span.kind() == kind && span.name().equals(name),
        "a " + kind + " span named \"" + name + "\"");
  }

  public SpanAssert hasServerSpan(String name) {
    return hasSpan(ReceivedSpan.Kind.SERVER, name);
  }

  public SpanAssert hasClientSpan(String name) {
    return hasSpan(ReceivedSpan.Kind.CLIENT, name);
  }

  public SpanAssert hasInternalSpan(String name) {
    return hasSpan(ReceivedSpan.Kind.INTERNAL, name);
  }

  public SpanAssert hasProducerSpan(String name) {
    return hasSpan(ReceivedSpan.Kind.PRODUCER, name);
  }

  public SpanAssert hasConsumerSpan(String name) {
    return hasSpan(ReceivedSpan.Kind.CONSUMER, name);
  }

  /** The root span is named {@code name}. */
  public SpanAssert hasRootSpan(String name) {
    isNotNull();
    Optional<ReceivedSpan> root = actual.root();
    if (root.isEmpty()) {
      fail("Expected a root span named \"" + name + "\" but the trace has no root span");
    }
    return new SpanAssert(root.get(), actual).hasName(name);
  }

  /** At least one span passes {@code requirements}. */
  public TraceAssert hasSpanSatisfying(Consumer<SpanAssert> requirements) {
    isNotNull();
    try {
      Assertions.assertThat(actual.spans())
          .anySatisfy(span -> requirements.accept(new SpanAssert(span, actual)));
    } catch (AssertionError e) {
      fail("No span satisfies the requirements:\n" + e.getMessage());
    }
    return this;
  }

  public TraceAssert doesNotHaveSpan(String name) {
    isNotNull();
    if (actual.span(name).isPresent()) {
      fail("Expected no span named \"" + name + "\"");
    }
    return this;
  }

  /** Exactly {@code count} spans are named {@code name}, for example one per retried request. */
  public TraceAssert hasSpanCount(String name, int count) {
    isNotNull();
    long found = actual.spans().stream().filter(span -> span.name().equals(name)).count();
    if (found != count) {
      fail("Expected " + count + " span(s) named \"" + name + "\" but found " + found);
    }
    return this;
  }

  /**
   * The trace is one connected tree: exactly one root, and every other span's parent was
   * received. This is what broken context propagation breaks.
   */
  public TraceAssert hasNoMissingParents() {
    isNotNull();
    List<ReceivedSpan> topLevel = actual.topLevelSpans();
    if (topLevel.size() != 1 || !topLevel.get(0).isRoot()) {
      fail("Expected one connected tree under a single root, but the top-level spans are "
          + topLevel.stream()
              .map(span -> "\"" + span.name() + "\""
                  + (span.isRoot() ? " (root)" : " (parent " + span.parentSpanId() + " missing)"))
              .toList());
    }
    return this;
  }

  /** No span has status {@code ERROR}. */
  public TraceAssert hasNoErrors() {
    isNotNull();
    List<String> errors =
        actual.spans().stream().filter(ReceivedSpan::isError).map(ReceivedSpan::name).toList();
    if (!errors.isEmpty()) {
      fail("Expected no error spans but found " + errors);
    }
    return this;
  }

  /** Every span has resource attribute {@code key} equal to {@code value}. */
  public TraceAssert hasResourceAttribute(String key, Object value) {
    isNotNull();
    List<String> others =
        actual.spans().stream()
            .filter(span -> !AttributeValues.matches(value, span.resourceAttribute(key)))
            .map(span -> "\"" + span.name() + "\" has " + key + "=" + span.resourceAttribute(key))
            .toList();
    if (!others.isEmpty()) {
      fail("Expected every span to have resource attribute " + key + "=" + value + " but "
          + others);
    }
    return this;
  }

  /** Every span comes from the service {@code serviceName}. */
  public TraceAssert hasServiceName(String serviceName) {
    return hasResourceAttribute("service.name", serviceName);
  }

  private SpanAssert hasSpan(Predicate<ReceivedSpan> predicate, String description) {
    isNotNull();
    Optional<ReceivedSpan> span = actual.span(predicate);
    if (span.isEmpty()) {
      fail("Expected " + description + " in the trace");
    }
    return new SpanAssert(span.get(), actual);
  }

  private void fail(String message) {
    failWithMessage("%s", message + "\nin:\n" + actual);
  }
}
