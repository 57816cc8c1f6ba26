package io.lumen.testing.agent;

import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.ReceivedTrace;
import io.lumen.testing.receiver.TraceTreePrinter;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on spans that may belong to several traces, such as what {@code
 * OtlpReceiver.awaitSpans} returns; mostly to check that they are all in one trace.
 */
public final class SpansAssert extends AbstractAssert<SpansAssert, List<ReceivedSpan>> {

  SpansAssert(List<ReceivedSpan> spans) {
    super(spans, SpansAssert.class);
  }

  public static SpansAssert assertThatSpans(List<ReceivedSpan> spans) {
    return new SpansAssert(spans);
  }

  public SpansAssert hasSize(int size) {
    isNotNull();
    if (actual.size() != size) {
      fail("Expected " + size + " span(s) but got " + actual.size());
    }
    return this;
  }

  /**
   * All spans share one trace id, for example the spans of a request that crossed threads or
   * processes; continues with assertions on that trace.
   */
  public TraceAssert allInOneTrace() {
    isNotNull();
    if (actual.isEmpty()) {
      fail("Expected spans of one trace but got no spans");
    }
    List<String> traceIds = actual.stream().map(ReceivedSpan::traceId).distinct().toList();
    if (traceIds.size() != 1) {
      fail("Expected all spans in one trace but they are in " + traceIds.size() + " traces");
    }
    return new TraceAssert(ReceivedTrace.of(traceIds.get(0), actual));
  }

  /** No two spans share a trace id, for example independent requests. */
  public SpansAssert areInSeparateTraces() {
    isNotNull();
    long traces = actual.stream().map(ReceivedSpan::traceId).distinct().count();
    if (traces != actual.size()) {
      fail("Expected " + actual.size() + " separate traces but the spans are in " + traces);
    }
    return this;
  }

  private void fail(String message) {
    failWithMessage("%s", message + ":\n" + TraceTreePrinter.keyAttributes().render(actual));
  }
}
