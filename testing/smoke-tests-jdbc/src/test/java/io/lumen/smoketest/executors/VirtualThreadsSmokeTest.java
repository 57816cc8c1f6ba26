package io.lumen.smoketest.executors;

import static io.lumen.smoketest.executors.PropagationAssertions.probesAreRoots;
import static io.lumen.smoketest.executors.PropagationAssertions.tasksAreChildrenOfTheirRequest;
import static io.lumen.smoketest.executors.PropagationAssertions.tasksAreRoots;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.support.AgentApps;
import io.lumen.smoketest.support.LibraryJars;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.Jdks;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same application on JDK 25, where virtual threads exist, the fork/join pool schedules
 * virtual threads and {@code CompletableFuture} runs on the common pool even on two cores.
 */
class VirtualThreadsSmokeTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private static OtlpReceiver receiver;
  private static List<ReceivedSpan> spans;

  @BeforeAll
  static void runApplication() {
    Optional<Path> java25 = Jdks.java25();
    Assumptions.assumeTrue(java25.isPresent(), Jdks.notFoundMessage(25));
    receiver = OtlpReceiver.start();
    try (ForkedJvm app =
        AgentApps.builder(ExecutorsApp.class, receiver)
            .javaExecutable(java25.get())
            .addClassPath(LibraryJars.annotations())
            .args("core", "virtual")
            .start()) {
      assertThat(app.waitForExit(TIMEOUT)).as("exit code").isZero();
    }
    receiver.awaitSpans(
        span -> span.name().equals("probe") && "virtual".equals(span.attribute("scenario")),
        10,
        TIMEOUT);
    spans = receiver.spans();
  }

  @AfterAll
  static void stopReceiver() {
    if (receiver != null) {
      receiver.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "vt-execute, 1",
    "vt-submit, 1",
    "vt-invoke-all, 3",
    "vt-park, 400",
    "fjp-execute, 1",
    "fjp-recursive-action, 8",
    "parallel-stream, 64",
    "cf-async-stages, 3",
    "tpe-execute-lambda, 1",
    "stpe-schedule, 1",
  })
  void tasksOnVirtualAndPlatformThreadsAreChildrenOfTheirRequest(String scenario, int tasks) {
    tasksAreChildrenOfTheirRequest(spans, scenario, tasks);
  }

  @Test
  void virtualThreadsStartedByHandDoNotInheritTheContext() {
    tasksAreRoots(spans, "vt-start", 1);
  }

  @Test
  void noContextIsLeftOnVirtualOrCarrierThreads() {
    probesAreRoots(spans, "virtual", 10);
    probesAreRoots(spans, "common-pool", 4);
    probesAreRoots(spans, "parallel-stream", 32);
  }
}
