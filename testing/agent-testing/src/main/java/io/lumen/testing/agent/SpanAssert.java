package io.lumen.testing.agent;

import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.ReceivedTrace;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on one received span. Reached from a {@link TraceAssert}, it knows the span's trace,
 * so it can also assert on parents and children:
 *
 * <pre>{@code
 * assertThat(trace)
 *     .hasServerSpan("GET /users/{id}")
 *     .hasAttribute("http.response.status_code", 200)
 *     .withChild(span -> span.isClient().hasName("SELECT users"));
 * }</pre>
 *
 * <p>Attribute values may be written naturally: {@code 200} matches OTLP's {@code 200L}, {@code
 * 1.5f} matches {@code 1.5d}, and arrays match lists.
 */
public final class SpanAssert extends AbstractAssert<SpanAssert, ReceivedSpan> {

  private final ReceivedTrace trace;

  SpanAssert(ReceivedSpan span, ReceivedTrace trace) {
    super(span, SpanAssert.class);
    this.trace = trace;
  }

  /** Assertions on a span on its own; parent and child assertions need {@link TraceAssert}. */
  public static SpanAssert assertThat(ReceivedSpan span) {
    return new SpanAssert(span, null);
  }

  public SpanAssert hasName(String name) {
    isNotNull();
    if (!actual.name().equals(name)) {
      fail("Expected span named \"" + name + "\" but was \"" + actual.name() + "\"");
    }
    return this;
  }

  public SpanAssert hasKind(ReceivedSpan.Kind kind) {
    isNotNull();
    if (actual.kind() != kind) {
      fail("Expected span \"" + actual.name() + "\" to be " + kind + " but was " + actual.kind());
    }
    return this;
  }

  public SpanAssert isServer() {
    return hasKind(ReceivedSpan.Kind.SERVER);
  }

  public SpanAssert isClient() {
    return hasKind(ReceivedSpan.Kind.CLIENT);
  }

  public SpanAssert isInternal() {
    return hasKind(ReceivedSpan.Kind.INTERNAL);
  }

  public SpanAssert isProducer() {
    return hasKind(ReceivedSpan.Kind.PRODUCER);
  }

  public SpanAssert isConsumer() {
    return hasKind(ReceivedSpan.Kind.CONSUMER);
  }

  /** The span has attribute {@code key}, whatever its value. */
  public SpanAssert hasAttribute(String key) {
    isNotNull();
    if (!actual.attributes().containsKey(key)) {
      fail("Expected span \"" + actual.name() + "\" to have attribute " + key
          + " but it has " + actual.attributes());
    }
    return this;
  }

  /** The span has attribute {@code key} equal to {@code value}. */
  public SpanAssert hasAttribute(String key, Object value) {
    hasAttribute(key);
    Object actualValue = actual.attribute(key);
    if (!AttributeValues.matches(value, actualValue)) {
      fail("Expected span \"" + actual.name() + "\" to have " + key + "=" + describe(value)
          + " but it was " + describe(actualValue));
    }
    return this;
  }

  /** Same as {@link #hasAttribute(String, Object)}; reads better in a chain. */
  public SpanAssert withAttribute(String key, Object value) {
    return hasAttribute(key, value);
  }

  /** The span has attribute {@code key} and its value passes {@code requirements}. */
  public SpanAssert hasAttributeSatisfying(String key, Consumer<Object> requirements) {
    hasAttribute(key);
    requirements.accept(actual.attribute(key));
    return this;
  }

  public SpanAssert doesNotHaveAttribute(String key) {
    isNotNull();
    if (actual.attributes().containsKey(key)) {
      fail("Expected span \"" + actual.name() + "\" not to have attribute " + key
          + " but it has " + key + "=" + describe(actual.attribute(key)));
    }
    return this;
  }

  public SpanAssert hasStatus(ReceivedSpan.StatusCode status) {
    isNotNull();
    if (actual.status() != status) {
      fail("Expected span \"" + actual.name() + "\" to have status " + status + " but was "
          + actual.status() + (actual.statusMessage().isEmpty() ? "" : " (" + actual.statusMessage()
          + ")"));
    }
    return this;
  }

  /** The span's status is {@code ERROR}. */
  public SpanAssert isError() {
    return hasStatus(ReceivedSpan.StatusCode.ERROR);
  }

  /** The span's status is not {@code ERROR}. */
  public SpanAssert isNotError() {
    isNotNull();
    if (actual.isError()) {
      fail("Expected span \"" + actual.name() + "\" not to be an error but its status is ERROR"
          + (actual.statusMessage().isEmpty() ? "" : " (" + actual.statusMessage() + ")"));
    }
    return this;
  }

  public SpanAssert hasEvent(String name) {
    isNotNull();
    if (actual.event(name) == null) {
      fail("Expected span \"" + actual.name() + "\" to have event \"" + name + "\" but it has "
          + actual.events().stream().map(ReceivedSpan.Event::name).toList());
    }
    return this;
  }

  /** The span recorded an exception of this type, for example {@code java.io.IOException}. */
  public SpanAssert hasException(String exceptionType) {
    hasEvent("exception");
    boolean found =
        actual.events().stream()
            .filter(event -> event.name().equals("exception"))
            .anyMatch(event -> exceptionType.equals(event.attribute("exception.type")));
    if (!found) {
      fail("Expected span \"" + actual.name() + "\" to record exception " + exceptionType
          + " but it recorded " + actual.events().stream()
              .filter(event -> event.name().equals("exception"))
              .map(event -> event.attribute("exception.type"))
              .toList());
    }
    return this;
  }

  public SpanAssert hasResourceAttribute(String key, Object value) {
    isNotNull();
    Object actualValue = actual.resourceAttribute(key);
    if (!AttributeValues.matches(value, actualValue)) {
      fail("Expected span \"" + actual.name() + "\" to have resource attribute " + key + "="
          + describe(value) + " but it was " + describe(actualValue));
    }
    return this;
  }

  public SpanAssert hasServiceName(String serviceName) {
    return hasResourceAttribute("service.name", serviceName);
  }

  /** The span was created by the instrumentation scope (tracer) named {@code scopeName}. */
  public SpanAssert hasScopeName(String scopeName) {
    isNotNull();
    if (!actual.scopeName().equals(scopeName)) {
      fail("Expected span \"" + actual.name() + "\" to come from scope " + scopeName
          + " but it came from " + actual.scopeName());
    }
    return this;
  }

  /** The span has no parent. */
  public SpanAssert isRoot() {
    isNotNull();
    if (!actual.isRoot()) {
      fail("Expected span \"" + actual.name() + "\" to be a root span but its parent is "
          + actual.parentSpanId());
    }
    return this;
  }

  /** The span is a direct child of {@code parent}. */
  public SpanAssert isChildOf(ReceivedSpan parent) {
    isNotNull();
    if (!actual.traceId().equals(parent.traceId())
        || !parent.spanId().equals(actual.parentSpanId())) {
      fail("Expected span \"" + actual.name() + "\" to be a child of \"" + parent.name() + "\" ("
          + parent.spanId() + ") but its parent is " + actual.parentSpanId());
    }
    return this;
  }

  /** The span is a direct child of a span named {@code parentName} in the same trace. */
  public SpanAssert isChildOf(String parentName) {
    ReceivedSpan parent = requireTrace("isChildOf").parent(actual).orElse(null);
    if (parent == null || !parent.name().equals(parentName)) {
      fail("Expected span \"" + actual.name() + "\" to be a child of \"" + parentName
          + "\" but its parent is " + (parent == null ? "not in the trace" : "\"" + parent.name()
          + "\""));
    }
    return this;
  }

  /** The span is in the same trace as {@code other}. */
  public SpanAssert isInSameTraceAs(ReceivedSpan other) {
    isNotNull();
    if (!actual.traceId().equals(other.traceId())) {
      fail("Expected span \"" + actual.name() + "\" (trace " + actual.traceId()
          + ") to be in the trace of \"" + other.name() + "\" (trace " + other.traceId() + ")");
    }
    return this;
  }

  /** At least one direct child passes {@code requirements}. */
  public SpanAssert withChild(Consumer<SpanAssert> requirements) {
    List<ReceivedSpan> children = requireTrace("withChild").children(actual);
    if (children.isEmpty()) {
      fail("Expected span \"" + actual.name() + "\" to have a child but it has none");
    }
    try {
      Assertions.assertThat(children)
          .anySatisfy(child -> requirements.accept(new SpanAssert(child, trace)));
    } catch (AssertionError e) {
      fail("No child of span \"" + actual.name() + "\" satisfies the requirements:\n"
          + e.getMessage());
    }
    return this;
  }

  /** The first direct child named {@code name}, to assert on it in turn. */
  public SpanAssert hasChild(String name) {
    List<ReceivedSpan> children = requireTrace("hasChild").children(actual);
    ReceivedSpan child =
        children.stream().filter(span -> span.name().equals(name)).findFirst().orElse(null);
    if (child == null) {
      fail("Expected span \"" + actual.name() + "\" to have a child named \"" + name
          + "\" but its children are " + children.stream().map(ReceivedSpan::name).toList());
    }
    return new SpanAssert(child, trace);
  }

  public SpanAssert hasChildCount(int count) {
    List<ReceivedSpan> children = requireTrace("hasChildCount").children(actual);
    if (children.size() != count) {
      fail("Expected span \"" + actual.name() + "\" to have " + count + " child(ren) but it has "
          + children.size() + ": " + children.stream().map(ReceivedSpan::name).toList());
    }
    return this;
  }

  public SpanAssert hasNoChildren() {
    return hasChildCount(0);
  }

  /** Back to the trace, to assert on another of its spans. */
  public TraceAssert and() {
    return new TraceAssert(requireTrace("and"));
  }

  /** The span under assertion, for assertions this class does not offer. */
  public ReceivedSpan span() {
    return actual;
  }

  private ReceivedTrace requireTrace(String assertion) {
    isNotNull();
    if (trace == null) {
      throw new IllegalStateException(
          assertion + " needs the span's trace: reach the span through TraceAssert.assertThat");
    }
    return trace;
  }

  private void fail(String message) {
    String context = trace != null ? trace.toString() : actual.toString();
    failWithMessage("%s", message + "\nin:\n" + context);
  }

  private static String describe(Object value) {
    if (value == null) {
      return "<absent>";
    }
    return value instanceof String ? "\"" + value + "\"" : value + " (" + value.getClass()
        .getSimpleName() + ")";
  }
}
