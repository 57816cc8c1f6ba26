package io.lumen.instrumentation.jedis;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.DbClientAttributesExtractor;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.DbClientMetrics;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.SpanKindExtractor;

/** Builds the instrumenter of Jedis commands, whatever the Jedis version. */
public final class JedisInstrumenters {

  /** The instrumentation scope of every Jedis span and metric. */
  public static final String INSTRUMENTATION_NAME = "io.lumen.jedis";

  private JedisInstrumenters() {}

  /**
   * One CLIENT span named after the command ({@code SET}), and a {@code
   * db.client.operation.duration} measurement, per command. A command sent from inside another
   * (Jedis 4's {@code executeCommand} calling {@code sendCommand}) makes no span of its own: the
   * instrumenter suppresses nested database client spans.
   *
   * @param sanitize whether to mask argument values in {@code db.query.text}
   */
  public static Instrumenter<RedisCommand, Void> create(
      OpenTelemetry openTelemetry, boolean sanitize) {
    RedisCommandAttributesGetter getter = new RedisCommandAttributesGetter(sanitize);
    // The command alone: the database conventions' "{operation} {server}" fallback would put the
    // server's address in every span name, where Redis users look for the command.
    return Instrumenter.<RedisCommand, Void>builder(
            openTelemetry, INSTRUMENTATION_NAME, RedisCommand::name)
        .addAttributesExtractor(DbClientAttributesExtractor.create(getter))
        .addOperationMetrics(DbClientMetrics.get())
        .buildInstrumenter(SpanKindExtractor.alwaysClient());
  }
}
