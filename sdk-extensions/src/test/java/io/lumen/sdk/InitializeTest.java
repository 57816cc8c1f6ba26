package io.lumen.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InitializeTest {

  @AfterEach
  void resetGlobal() {
    GlobalOpenTelemetry.resetForTest();
  }

  @Test
  void initializeRegistersTheGlobalOnceAndReturnsTheSameSdkEveryTime() {
    LumenOpenTelemetrySdk first = LumenOpenTelemetry.initialize();
    try {
      LumenOpenTelemetrySdk second = LumenOpenTelemetry.initialize();

      assertThat(second).isSameAs(first);
      assertThat(GlobalOpenTelemetry.getPropagators())
          .isSameAs(first.getOpenTelemetrySdk().getPropagators());
      Span span = GlobalOpenTelemetry.getTracer("test").spanBuilder("work").startSpan();
      assertThat(span.getSpanContext().isValid()).isTrue();
      span.end();
    } finally {
      first.shutdown(Duration.ofSeconds(1)); // nothing listens on 4317; do not wait for retries
    }
  }
}
