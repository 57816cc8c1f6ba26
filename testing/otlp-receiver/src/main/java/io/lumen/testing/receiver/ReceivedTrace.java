package io.lumen.testing.receiver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The spans of one trace received so far, ordered by start time, with navigation by parent id.
 *
 * <p>Spans of a trace may arrive in several exports (and from several processes), so a trace taken
 * early may still grow: use {@link OtlpReceiver#awaitTrace} to wait for the spans a test expects.
 */
public final class ReceivedTrace {

  private static final Comparator<ReceivedSpan> BY_START =
      Comparator.comparingLong(ReceivedSpan::startEpochNanos)
          .thenComparing(ReceivedSpan::endEpochNanos, Comparator.reverseOrder());

  private final String traceId;
  private final List<ReceivedSpan> spans;

  private ReceivedTrace(String traceId, List<ReceivedSpan> spans) {
    this.traceId = traceId;
    this.spans = spans;
  }

  /** Groups spans into traces, ordered by the start of each trace's earliest span. */
  public static List<ReceivedTrace> group(Collection<ReceivedSpan> spans) {
    Map<String, List<ReceivedSpan>> byTraceId = new LinkedHashMap<>();
    for (ReceivedSpan span : spans) {
      byTraceId.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
    }
    return byTraceId.entrySet().stream()
        .map(entry -> of(entry.getKey(), entry.getValue()))
        .sorted(Comparator.comparing(trace -> trace.spans().get(0), BY_START))
        .collect(Collectors.toUnmodifiableList());
  }

  /** A trace of the given spans, all of which must belong to trace {@code traceId}. */
  public static ReceivedTrace of(String traceId, Collection<ReceivedSpan> spans) {
    if (spans.isEmpty()) {
      throw new IllegalArgumentException("a trace has at least one span");
    }
    for (ReceivedSpan span : spans) {
      if (!span.traceId().equals(traceId)) {
        throw new IllegalArgumentException("span " + span + " is not part of trace " + traceId);
      }
    }
    List<ReceivedSpan> sorted = new ArrayList<>(spans);
    sorted.sort(BY_START);
    return new ReceivedTrace(traceId, List.copyOf(sorted));
  }

  public String traceId() {
    return traceId;
  }

  /** All spans, ordered by start time. */
  public List<ReceivedSpan> spans() {
    return spans;
  }

  public int spanCount() {
    return spans.size();
  }

  /**
   * The spans at the top of the tree: true roots and spans whose parent was not received (for
   * example because the caller is not instrumented by this receiver's exporters).
   */
  public List<ReceivedSpan> topLevelSpans() {
    Set<String> ids = spans.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
    return spans.stream()
        .filter(span -> span.isRoot() || !ids.contains(span.parentSpanId()))
        .collect(Collectors.toUnmodifiableList());
  }

  /** The root span (the span without a parent), if it was received. */
  public Optional<ReceivedSpan> root() {
    return spans.stream().filter(ReceivedSpan::isRoot).findFirst();
  }

  /** The direct children of {@code parent}, ordered by start time. */
  public List<ReceivedSpan> children(ReceivedSpan parent) {
    return spans.stream()
        .filter(span -> parent.spanId().equals(span.parentSpanId()))
        .collect(Collectors.toUnmodifiableList());
  }

  /** The parent of {@code span}, if it was received. */
  public Optional<ReceivedSpan> parent(ReceivedSpan span) {
    if (span.isRoot()) {
      return Optional.empty();
    }
    return spans.stream().filter(s -> s.spanId().equals(span.parentSpanId())).findFirst();
  }

  /** The first span (by start time) with the given name. */
  public Optional<ReceivedSpan> span(String name) {
    return span(s -> s.name().equals(name));
  }

  /** The first span (by start time) that matches. */
  public Optional<ReceivedSpan> span(Predicate<? super ReceivedSpan> predicate) {
    return spans.stream().filter(predicate).findFirst();
  }

  /** The trace drawn as a tree; see {@link TraceTreePrinter}. */
  @Override
  public String toString() {
    return TraceTreePrinter.keyAttributes().render(this);
  }
}
