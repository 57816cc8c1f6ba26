package io.lumen.instrumentation.lettuce.v5_0;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.DbClientAttributesExtractor;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.DbClientMetrics;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.SpanKindExtractor;

/** Builds the instrumenter of Lettuce commands. */
public final class LettuceInstrumenters {

  /** The instrumentation scope of every Lettuce span and metric. */
  public static final String INSTRUMENTATION_NAME = "io.lumen.lettuce";

  private LettuceInstrumenters() {}

  /**
   * One CLIENT span named after the command ({@code SET}) and a {@code
   * db.client.operation.duration} measurement per command.
   *
   * @param sanitize whether to mask argument values in {@code db.query.text}
   */
  public static Instrumenter<LettuceRequest, Void> create(
      OpenTelemetry openTelemetry, boolean sanitize) {
    LettuceAttributesGetter getter = new LettuceAttributesGetter(sanitize);
    // The command alone, as Redis users look for it; see the Jedis instrumentation.
    return Instrumenter.<LettuceRequest, Void>builder(
            openTelemetry, INSTRUMENTATION_NAME, LettuceRequest::command)
        .addAttributesExtractor(DbClientAttributesExtractor.create(getter))
        .addOperationMetrics(DbClientMetrics.get())
        .buildInstrumenter(SpanKindExtractor.alwaysClient());
  }
}
