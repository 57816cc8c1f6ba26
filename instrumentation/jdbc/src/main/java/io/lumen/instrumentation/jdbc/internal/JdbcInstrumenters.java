package io.lumen.instrumentation.jdbc.internal;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.api.incubator.semconv.code.CodeAttributesExtractor;
import io.opentelemetry.instrumentation.api.incubator.semconv.code.CodeSpanNameExtractor;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.DbClientMetrics;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.DbClientSpanNameExtractor;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.SqlClientAttributesExtractor;
import io.opentelemetry.instrumentation.api.incubator.semconv.util.ClassAndMethod;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.SpanKindExtractor;

/**
 * Builds the instrumenters library mode and agent share. This class is internal and is not for
 * public use.
 */
public final class JdbcInstrumenters {

  /** The instrumentation scope of every JDBC span and metric. */
  public static final String INSTRUMENTATION_NAME = "io.lumen.jdbc";

  private JdbcInstrumenters() {}

  /**
   * One CLIENT span, and a {@code db.client.operation.duration} measurement, per statement
   * execution. Executions nested in one (a pool's statement proxy calling the driver's statement,
   * a driver's {@code execute} calling its own {@code executeQuery}) make no span of their own:
   * the instrumenter suppresses nested database client spans.
   */
  public static Instrumenter<DbRequest, Void> statements(
      OpenTelemetry openTelemetry, boolean sanitize) {
    JdbcAttributesGetter getter = new JdbcAttributesGetter(sanitize);
    return Instrumenter.<DbRequest, Void>builder(
            openTelemetry, INSTRUMENTATION_NAME, DbClientSpanNameExtractor.create(getter))
        .addAttributesExtractor(
            SqlClientAttributesExtractor.builder(getter)
                .setQuerySanitizationEnabled(sanitize)
                .setSingleOperationAndCollection(true)
                .build())
        .addAttributesExtractor(new ResponseStatusExtractor())
        .addOperationMetrics(DbClientMetrics.get())
        .buildInstrumenter(SpanKindExtractor.alwaysClient());
  }

  /** An INTERNAL span per {@code DataSource.getConnection}, named like {@code HikariDataSource.getConnection}. */
  public static Instrumenter<ClassAndMethod, Void> dataSources(OpenTelemetry openTelemetry) {
    return Instrumenter.<ClassAndMethod, Void>builder(
            openTelemetry,
            INSTRUMENTATION_NAME,
            CodeSpanNameExtractor.create(ClassAndMethod.codeAttributesGetter()))
        .addAttributesExtractor(CodeAttributesExtractor.create(ClassAndMethod.codeAttributesGetter()))
        .buildInstrumenter(SpanKindExtractor.alwaysInternal());
  }
}
