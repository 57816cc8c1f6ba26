package io.lumen.testing.receiver;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Draws a trace as an indented tree, one line per span: name, kind, duration, the attributes that
 * tell what the span did, and its error status. This is what a developer reads to see what the
 * agent recorded, and what a failing test prints.
 *
 * <pre>
 * trace 4bf92f3577b34da6a3ce929d0e0e4736 (2 spans, service.name=shop)
 *   GET /users/{id} SERVER 12.3 ms http.request.method=GET url.path=/users/7 http.route=/users/{id} http.response.status_code=200
 *     SELECT shop.users CLIENT 1.2 ms db.system.name=h2 db.query.text="select * from users where id=?"
 * </pre>
 *
 * <p>A span whose parent was not received is drawn at the top level, marked with the missing
 * parent's id. When a trace spans several services, each span names its service.
 */
public final class TraceTreePrinter {

  private static final Set<String> KEY_ATTRIBUTES =
      Set.of(
          "http.request.method",
          "url.full",
          "url.path",
          "http.route",
          "http.response.status_code",
          "server.address",
          "server.port",
          "error.type",
          "rpc.system",
          "rpc.service",
          "rpc.method",
          "messaging.system",
          "messaging.operation.type",
          "messaging.destination.name");
  private static final int MAX_VALUE_LENGTH = 120;

  private static final TraceTreePrinter KEY =
      new TraceTreePrinter(key -> KEY_ATTRIBUTES.contains(key) || key.startsWith("db."));
  private static final TraceTreePrinter ALL = new TraceTreePrinter(key -> true);

  private final Predicate<String> shownAttribute;

  private TraceTreePrinter(Predicate<String> shownAttribute) {
    this.shownAttribute = shownAttribute;
  }

  /**
   * Shows the attributes that say what a span did: HTTP method, path, route and status, {@code
   * db.*}, server address, {@code error.type}, RPC and messaging names.
   */
  public static TraceTreePrinter keyAttributes() {
    return KEY;
  }

  /** Shows every span attribute. */
  public static TraceTreePrinter allAttributes() {
    return ALL;
  }

  /** The trace as lines of text, each ending in a line break. */
  public String render(ReceivedTrace trace) {
    boolean severalServices =
        trace.spans().stream().map(ReceivedSpan::serviceName).distinct().count() > 1;
    StringBuilder out = new StringBuilder();
    out.append("trace ").append(trace.traceId()).append(" (").append(trace.spanCount())
        .append(trace.spanCount() == 1 ? " span" : " spans");
    if (!severalServices && trace.spans().get(0).serviceName() != null) {
      out.append(", service.name=").append(trace.spans().get(0).serviceName());
    }
    out.append(")\n");
    for (ReceivedSpan span : trace.topLevelSpans()) {
      render(trace, span, 1, severalServices, out);
    }
    return out.toString();
  }

  /** Each trace among {@code spans}, drawn one after the other. */
  public String render(List<ReceivedSpan> spans) {
    return ReceivedTrace.group(spans).stream().map(this::render).collect(Collectors.joining());
  }

  private void render(
      ReceivedTrace trace, ReceivedSpan span, int depth, boolean severalServices,
      StringBuilder out) {
    out.append("  ".repeat(depth)).append(line(span, severalServices));
    if (!span.isRoot() && trace.parent(span).isEmpty()) {
      out.append(" (parent ").append(span.parentSpanId()).append(" not received)");
    }
    out.append('\n');
    for (ReceivedSpan child : trace.children(span)) {
      render(trace, child, depth + 1, severalServices, out);
    }
  }

  /** One span on one line, without indentation or line break. */
  public String line(ReceivedSpan span, boolean withService) {
    StringBuilder line = new StringBuilder(span.name());
    line.append(' ').append(span.kind());
    if (withService) {
      line.append(" [").append(span.serviceName()).append(']');
    }
    line.append(' ').append(milliseconds(span.endEpochNanos() - span.startEpochNanos()));
    for (Map.Entry<String, Object> attribute : span.attributes().entrySet()) {
      if (shownAttribute.test(attribute.getKey())) {
        line.append(' ').append(attribute.getKey()).append('=').append(value(attribute.getValue()));
      }
    }
    if (span.isError()) {
      line.append(" status=ERROR");
      if (!span.statusMessage().isEmpty()) {
        line.append(' ').append(value(span.statusMessage()));
      }
    }
    return line.toString();
  }

  private static String milliseconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000.0);
  }

  private static String value(Object value) {
    String text = Objects.toString(value);
    if (text.length() > MAX_VALUE_LENGTH) {
      text = text.substring(0, MAX_VALUE_LENGTH) + "...";
    }
    boolean quote = value instanceof String && (text.isEmpty() || text.contains(" "));
    return quote ? '"' + text + '"' : text;
  }
}
