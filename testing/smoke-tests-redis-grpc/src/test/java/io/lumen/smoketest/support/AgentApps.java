package io.lumen.smoketest.support;

import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.ForkedJvmBuilder;
import io.lumen.testing.agent.OtlpProtocol;
import io.lumen.testing.receiver.OtlpReceiver;

/** Forked applications with the agent, exporting to a test receiver. */
public final class AgentApps {

  private AgentApps() {}

  /**
   * An application of this module's test classes with the agent, exporting everything to {@code
   * receiver} over OTLP/gRPC, with the stable database conventions ({@code db.system.name}, {@code
   * db.query.text}...) and metrics exported every second.
   */
  public static ForkedJvmBuilder builder(Class<?> mainClass, OtlpReceiver receiver) {
    return ForkedJvm.builder()
        .mainClass(mainClass)
        .addClassPathOf(mainClass)
        .exportTo(receiver, OtlpProtocol.GRPC)
        .serviceName(mainClass.getSimpleName())
        .environment("OTEL_METRIC_EXPORT_INTERVAL", "1000")
        .systemProperty("otel.semconv-stability.opt-in", "database");
  }
}
