package io.lumen.smoketest.support;

import io.lumen.testing.agent.ForkedJvmBuilder;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.OtlpProtocol;
import io.lumen.testing.receiver.OtlpReceiver;

/** Forked applications with the agent, exporting to a test receiver. */
public final class AgentApps {

  private AgentApps() {}

  /**
   * An application of this module's test classes with the agent, exporting everything to {@code
   * receiver} over OTLP/gRPC; the span queue is large enough that no span of a burst is dropped.
   */
  public static ForkedJvmBuilder builder(Class<?> mainClass, OtlpReceiver receiver) {
    return ForkedJvm.builder()
        .mainClass(mainClass)
        .addClassPathOf(mainClass)
        .exportTo(receiver, OtlpProtocol.GRPC)
        .serviceName(mainClass.getSimpleName())
        .environment("OTEL_BSP_MAX_QUEUE_SIZE", "50000")
        .environment("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "2048")
        // The stable database and code conventions (db.system.name, db.query.text,
        // code.function.name...).
        .systemProperty("otel.semconv-stability.opt-in", "database,code");
  }
}
