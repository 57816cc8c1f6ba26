package io.lumen.examples.sdkapp;

import static io.lumen.testing.agent.SpanAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.OtlpProtocol;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedLogRecord;
import io.lumen.testing.receiver.ReceivedMetric;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.ReceivedTrace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example runs as its README says, with no agent, and all three signals reach a receiver. */
class CheckoutAppTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void recordsSpansMetricsAndLogsThroughTheCompanionSdkAlone() {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ForkedJvm app =
            ForkedJvm.builder()
                .withoutAgent()
                .inheritClassPath()
                .mainClass(CheckoutApp.class)
                .exportTo(receiver, OtlpProtocol.GRPC)
                .environment("OTEL_SERVICE_NAME", "checkout")
                .start()) {
      assertThat(app.waitForExit(TIMEOUT)).isZero();
      assertThat(app.stdout()).contains("3 checkouts recorded");

      ReceivedTrace paid =
          receiver.awaitTrace(s -> "card".equals(s.attribute("payment.method")) && s.attribute("order.item_count").equals(3L), 2, TIMEOUT);
      ReceivedSpan checkout = paid.spans().stream().filter(s -> s.name().equals("checkout")).findFirst().orElseThrow();
      ReceivedSpan charge = paid.spans().stream().filter(s -> s.name().equals("charge card")).findFirst().orElseThrow();
      assertThat(checkout).isServer().isRoot().hasServiceName("checkout").hasResourceAttribute("telemetry.distro.name", "lumen");
      assertThat(charge).isClient().isChildOf(checkout).hasAttribute("payment.amount", 42.5);

      ReceivedSpan rejected = receiver.awaitSpan(s -> Long.valueOf(0).equals(s.attribute("order.item_count")), TIMEOUT);
      assertThat(rejected).isError();

      ReceivedMetric orders = receiver.awaitMetric("checkout.orders", TIMEOUT);
      assertThat(orders.unit()).isEqualTo("{order}");
      assertThat(orders.pointWithAttribute("payment.method", "card")).isPresent();
      assertThat(receiver.awaitMetric("checkout.order.amount", TIMEOUT).type()).isEqualTo(ReceivedMetric.Type.HISTOGRAM);

      List<ReceivedLogRecord> logs = receiver.awaitLogRecords(r -> true, 3, TIMEOUT);
      ReceivedLogRecord warning =
          logs.stream().filter(r -> "rejected an empty cart".equals(r.body())).findFirst().orElseThrow();
      assertThat(warning.severityNumber()).isEqualTo(io.opentelemetry.api.logs.Severity.WARN.getSeverityNumber());
      assertThat(warning.traceId()).isEqualTo(rejected.traceId());
      assertThat(warning.spanId()).isEqualTo(rejected.spanId());
    }
  }
}
