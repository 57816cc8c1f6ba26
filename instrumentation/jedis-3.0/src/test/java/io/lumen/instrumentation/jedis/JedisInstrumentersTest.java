package io.lumen.instrumentation.jedis;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a Redis command becomes, independent of the Jedis version that sent it. */
class JedisInstrumentersTest {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final OpenTelemetrySdk openTelemetry =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
          .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
          .build();

  private SpanData run(boolean sanitize, String name, Object... arguments) {
    Instrumenter<RedisCommand, Void> instrumenter =
        JedisInstrumenters.create(openTelemetry, sanitize);
    RedisCommand command = RedisCommand.of(name, Arrays.asList(arguments), "127.0.0.1", 6379);
    Context context = instrumenter.start(Context.root(), command);
    instrumenter.end(context, command, null, null);
    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished).hasSize(1);
    return finished.get(0);
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aCommandIsAClientSpanNamedAfterItWithItsValuesMasked() {
    SpanData span = run(true, "SET", bytes("user:1"), bytes("s3cret"));

    assertThat(span)
        .hasName("SET")
        .hasKind(SpanKind.CLIENT)
        .hasAttribute(AttributeKey.stringKey("db.system.name"), "redis")
        .hasAttribute(AttributeKey.stringKey("db.operation.name"), "SET")
        .hasAttribute(AttributeKey.stringKey("db.query.text"), "SET user:1 ?")
        .hasAttribute(AttributeKey.stringKey("server.address"), "127.0.0.1")
        .hasAttribute(AttributeKey.longKey("server.port"), 6379L);
    assertThat(metrics.collectAllMetrics())
        .anySatisfy(metric -> assertThat(metric.getName()).isEqualTo("db.client.operation.duration"));
  }

  @Test
  void withoutSanitizationTheValuesStay() {
    SpanData span = run(false, "SET", bytes("user:1"), bytes("s3cret"));

    assertThat(span).hasAttribute(AttributeKey.stringKey("db.query.text"), "SET user:1 s3cret");
  }

  @Test
  void authArgumentsAreAlwaysMaskedWhenSanitizing() {
    SpanData span = run(true, "AUTH", bytes("password"));

    assertThat(span.getAttributes().get(AttributeKey.stringKey("db.query.text")))
        .doesNotContain("password");
  }
}
