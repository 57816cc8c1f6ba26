package io.lumen.testing.receiver;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One span as it arrived over OTLP, with the resource and instrumentation scope it was exported
 * under, so a test can assert on a span without walking the OTLP envelope.
 *
 * <p>Ids are lower-case hex strings as in W3C {@code traceparent}. Attribute values are {@link
 * String}, {@link Boolean}, {@link Long}, {@link Double}, {@code byte[]}, {@code List<Object>} for
 * arrays and {@code Map<String, Object>} for key-value lists.
 *
 * @param parentSpanId the parent's span id, or null for a root span
 * @param traceState the W3C trace state, empty when none
 * @param statusMessage the status description, empty when none
 * @param scopeName name of the instrumentation scope (the tracer) that created the span
 * @param scopeVersion version of that scope, empty when none
 */
public record ReceivedSpan(
    String traceId,
    String spanId,
    String parentSpanId,
    String traceState,
    String name,
    Kind kind,
    long startEpochNanos,
    long endEpochNanos,
    StatusCode status,
    String statusMessage,
    Map<String, Object> attributes,
    List<Event> events,
    List<Link> links,
    Map<String, Object> resourceAttributes,
    String scopeName,
    String scopeVersion) {

  /** The role of a span in a call, as OTLP encodes it. */
  public enum Kind {
    UNSPECIFIED,
    INTERNAL,
    SERVER,
    CLIENT,
    PRODUCER,
    CONSUMER
  }

  /** The span status; {@code UNSET} is what almost every successful span has. */
  public enum StatusCode {
    UNSET,
    OK,
    ERROR
  }

  /**
   * An event recorded on a span, for example an {@code exception} event.
   *
   * @param epochNanos when the event happened
   */
  public record Event(String name, long epochNanos, Map<String, Object> attributes) {
    public Event {
      attributes = AttributeMaps.immutableCopy(attributes);
    }

    /** The value of attribute {@code key}, or null. */
    public Object attribute(String key) {
      return attributes.get(key);
    }
  }

  /** A link from a span to another span context, for example the message a consumer processes. */
  public record Link(String traceId, String spanId, Map<String, Object> attributes) {
    public Link {
      attributes = AttributeMaps.immutableCopy(attributes);
    }
  }

  public ReceivedSpan {
    attributes = AttributeMaps.immutableCopy(attributes);
    events = List.copyOf(events);
    links = List.copyOf(links);
    resourceAttributes = AttributeMaps.immutableCopy(resourceAttributes);
  }

  /** The span's duration, from start to end timestamp. */
  public Duration duration() {
    return Duration.ofNanos(endEpochNanos - startEpochNanos);
  }

  /** Whether the span has no parent (it may still have a parent that was not exported here). */
  public boolean isRoot() {
    return parentSpanId == null;
  }

  /** Whether the span's status is {@code ERROR}. */
  public boolean isError() {
    return status == StatusCode.ERROR;
  }

  /** The value of span attribute {@code key}, or null. */
  public Object attribute(String key) {
    return attributes.get(key);
  }

  /** The value of resource attribute {@code key}, or null. */
  public Object resourceAttribute(String key) {
    return resourceAttributes.get(key);
  }

  /** The {@code service.name} resource attribute, or null. */
  public String serviceName() {
    Object serviceName = resourceAttributes.get("service.name");
    return serviceName == null ? null : serviceName.toString();
  }

  /** The first event named {@code name}, or null. */
  public Event event(String name) {
    return events.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
  }

  @Override
  public String toString() {
    return name + " " + kind + " trace=" + traceId + " span=" + spanId
        + (parentSpanId == null ? "" : " parent=" + parentSpanId)
        + (status == StatusCode.UNSET ? "" : " status=" + status)
        + " " + attributes;
  }
}
