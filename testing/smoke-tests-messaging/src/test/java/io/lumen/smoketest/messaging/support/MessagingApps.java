package io.lumen.smoketest.messaging.support;

import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.ForkedJvmBuilder;
import io.lumen.testing.agent.OtlpProtocol;
import io.lumen.testing.receiver.OtlpReceiver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Forked applications of this module's test classes, with the agent, exporting to a receiver. */
public final class MessagingApps {

  private MessagingApps() {}

  /**
   * An application running {@code mainClass} on the given library folders of {@code
   * target/test-libs}, with the stable messaging and database conventions.
   */
  public static ForkedJvmBuilder builder(
      Class<?> mainClass, OtlpReceiver receiver, String... libraryFolders) {
    List<Path> classPath = new ArrayList<>();
    for (String folder : libraryFolders) {
      classPath.addAll(TestLibs.classPath(folder));
    }
    return ForkedJvm.builder()
        .mainClass(mainClass)
        .addClassPathOf(mainClass)
        .addClassPath(classPath)
        .exportTo(receiver, OtlpProtocol.GRPC)
        .serviceName(mainClass.getSimpleName())
        .addJvmArgs("-Xmx256m")
        .systemProperty("otel.semconv-stability.opt-in", "messaging,database");
  }
}
