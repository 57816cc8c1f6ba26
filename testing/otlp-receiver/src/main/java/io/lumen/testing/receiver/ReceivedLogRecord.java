package io.lumen.testing.receiver;

import java.util.Map;

/**
 * One log record as it arrived over OTLP, with its resource and instrumentation scope.
 *
 * @param body the body: usually a {@link String}; attribute-typed values for structured bodies;
 *     null when the record has no body
 * @param severityNumber the OTLP severity number (9 = INFO, 13 = WARN, 17 = ERROR), 0 if unset
 * @param severityText the severity as the logging library named it, empty when none
 * @param eventName the event name of an event record, empty for ordinary logs
 * @param traceId the trace the record was emitted in, or null outside a trace
 * @param spanId the span the record was emitted in, or null outside a trace
 * @param epochNanos when the event happened, 0 if unset
 * @param observedEpochNanos when the SDK observed the record
 * @param scopeName the logger name (the instrumentation scope)
 */
public record ReceivedLogRecord(
    Object body,
    int severityNumber,
    String severityText,
    String eventName,
    String traceId,
    String spanId,
    Map<String, Object> attributes,
    long epochNanos,
    long observedEpochNanos,
    Map<String, Object> resourceAttributes,
    String scopeName,
    String scopeVersion) {

  public ReceivedLogRecord {
    attributes = AttributeMaps.immutableCopy(attributes);
    resourceAttributes = AttributeMaps.immutableCopy(resourceAttributes);
  }

  /** The body as text, or null if there is none. */
  public String bodyAsString() {
    return body == null ? null : body.toString();
  }

  /** The value of attribute {@code key}, or null. */
  public Object attribute(String key) {
    return attributes.get(key);
  }

  /** The value of resource attribute {@code key}, or null. */
  public Object resourceAttribute(String key) {
    return resourceAttributes.get(key);
  }

  @Override
  public String toString() {
    return (severityText.isEmpty() ? "SEVERITY_" + severityNumber : severityText)
        + (scopeName.isEmpty() ? "" : " " + scopeName) + ": " + body
        + (traceId == null ? "" : " trace=" + traceId + " span=" + spanId)
        + (attributes.isEmpty() ? "" : " " + attributes);
  }
}
