package io.lumen.instrumentation.messaging.common;

import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.internal.InstrumenterUtil;
import java.time.Instant;
import javax.annotation.Nullable;

/**
 * Records an operation only once it is over: a poll or a receive may return nothing, and a span for
 * every empty poll of a consumer loop would drown everything else. So the span is started and ended
 * after the call, with the start time taken before it.
 */
public final class CompletedOperations {

  private CompletedOperations() {}

  /**
   * Records the span of an operation that started at {@code startTime} and ends now.
   *
   * @return the span's context, to link or parent later spans to; null if no span was recorded
   *     (suppressed, or not sampled in)
   */
  @Nullable
  public static <REQUEST, RESPONSE> Context record(
      Instrumenter<REQUEST, RESPONSE> instrumenter,
      Context parentContext,
      REQUEST request,
      @Nullable RESPONSE response,
      @Nullable Throwable error,
      Instant startTime) {
    if (!instrumenter.shouldStart(parentContext, request)) {
      return null;
    }
    return InstrumenterUtil.startAndEnd(
        instrumenter, parentContext, request, response, error, startTime, Instant.now());
  }
}
