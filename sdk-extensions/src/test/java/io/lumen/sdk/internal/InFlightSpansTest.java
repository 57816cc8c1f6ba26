package io.lumen.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InFlightSpansTest {

  private final InFlightSpans inFlight = new InFlightSpans();
  private final SdkTracerProvider tracerProvider =
      SdkTracerProvider.builder().addSpanProcessor(inFlight).build();
  private final Tracer tracer = tracerProvider.get("test");

  @AfterEach
  void close() {
    tracerProvider.close();
  }

  @Test
  void countsSpansUntilTheyEnd() {
    Span first = tracer.spanBuilder("first").startSpan();
    Span second = tracer.spanBuilder("second").startSpan();
    assertThat(inFlight.count()).isEqualTo(2);

    first.end();
    second.end();
    second.end(); // a second end() is ignored by the SDK and must not count twice

    assertThat(inFlight.count()).isZero();
    assertThat(inFlight.awaitNone(Duration.ZERO)).isTrue();
  }

  @Test
  void waitsForASpanThatEndsOnAnotherThread() throws Exception {
    Span request = tracer.spanBuilder("GET /last").startSpan();
    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<Void> requestThread =
        CompletableFuture.runAsync(
            () -> {
              try {
                waiting.await(5, TimeUnit.SECONDS);
                Thread.sleep(50);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              request.end();
            });

    waiting.countDown();
    assertThat(inFlight.awaitNone(Duration.ofSeconds(10))).isTrue();
    assertThat(inFlight.count()).isZero();
    requestThread.get(5, TimeUnit.SECONDS);
  }

  @Test
  void aSpanThatNeverEndsHoldsUpOnlyForTheGrace() {
    tracer.spanBuilder("forever").startSpan();

    assertThat(inFlight.awaitNone(Duration.ofMillis(20))).isFalse();
    assertThat(inFlight.count()).isEqualTo(1);
  }
}
