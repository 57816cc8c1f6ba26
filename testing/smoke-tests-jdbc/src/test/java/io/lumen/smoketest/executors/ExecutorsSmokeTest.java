package io.lumen.smoketest.executors;

import static io.lumen.smoketest.executors.PropagationAssertions.named;
import static io.lumen.smoketest.executors.PropagationAssertions.probesAreRoots;
import static io.lumen.smoketest.executors.PropagationAssertions.tasksAreChildrenOfTheirRequest;
import static io.lumen.smoketest.executors.PropagationAssertions.tasksAreRoots;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.support.AgentApps;
import io.lumen.smoketest.support.AppChecks;
import io.lumen.smoketest.support.LibraryJars;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An unmodified application hands work to other threads in every way the JDK offers; with the
 * agent, each task's span is a child of the request that submitted it, nothing of a request stays
 * on a pool thread, and the agent keeps no task in memory. One run of {@link ExecutorsApp} (on the
 * test's JDK) serves every test here.
 */
class ExecutorsSmokeTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final int STRESS_TASKS =
      Stress.SUBMITTERS * Stress.REQUESTS_PER_SUBMITTER * Stress.TASKS_PER_REQUEST;

  private static OtlpReceiver receiver;
  private static List<ReceivedSpan> spans;
  private static Map<String, String> checks;

  @BeforeAll
  static void runApplication() {
    receiver = OtlpReceiver.start();
    try (ForkedJvm app =
        AgentApps.builder(ExecutorsApp.class, receiver)
            .addClassPath(LibraryJars.annotations())
            .addJvmArgs("-Xmx256m")
            .args("core", "stress")
            .start()) {
      assertThat(app.waitForExit(TIMEOUT)).as("exit code").isZero();
      checks = AppChecks.parse(app.stdout());
    }
    receiver.awaitSpans(span -> span.name().equals("stress.task"), STRESS_TASKS, TIMEOUT);
    spans = receiver.awaitSpans(span -> span.name().equals("probe"), 1 + 20 + 4 * 5 + 32 + 1, TIMEOUT);
    spans = receiver.spans();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "tpe-execute-lambda, 1",
    "tpe-execute-runnable, 1",
    "tpe-submit-callable, 1",
    "tpe-submit-callable-class, 1",
    "tpe-invoke-all, 3",
    "single-thread-submit, 1",
    "stpe-schedule, 1",
    "stpe-schedule-callable, 1",
    "stpe-submit, 1",
    "fjp-execute, 1",
    "fjp-submit-callable, 1",
    "fjp-invoke-all, 3",
    "fjp-recursive-action, 8",
    "common-pool-submit, 1",
    "parallel-stream, 64",
    "cf-async-stages, 3",
    "failing-task, 1",
  })
  void taskSpansAreChildrenOfTheRequestThatSubmittedThem(String scenario, int tasks) {
    tasksAreChildrenOfTheirRequest(spans, scenario, tasks);
  }

  @Test
  void asyncStageBelongsToTheRequestThatCreatedItNotToTheOneThatCompletedItsSource() {
    tasksAreChildrenOfTheirRequest(spans, "cf-late-completion", 1);
    assertThat(named(spans, "request", "cf-completer")).hasSize(1);
  }

  @Test
  void threadsStartedByHandDoNotInheritTheContext() {
    tasksAreRoots(spans, "thread-start", 1);
  }

  @Test
  void noContextIsLeftOnPoolThreadsAfterTasksRanFailedOrWereRejected() {
    probesAreRoots(spans, "tpe", 4);
    probesAreRoots(spans, "stpe", 4);
    probesAreRoots(spans, "fjp", 4);
    probesAreRoots(spans, "common-pool", 4);
    probesAreRoots(spans, "single-thread", 4);
    probesAreRoots(spans, "parallel-stream", 32);
    probesAreRoots(spans, "cf", 1);
    probesAreRoots(spans, "after-rejection", 1);
  }

  @Test
  void rejectedRemovedCancelledAndNeverRunTasksProduceNoSpans() {
    assertThat(checks).containsEntry("rejected", "true");
    assertThat(named(spans, "task", "rejected")).isEmpty();
    assertThat(named(spans, "task", "removed")).isEmpty();
    assertThat(named(spans, "task", "never-run")).isEmpty();
    assertThat(named(spans, "task", "cancelled")).isEmpty();
  }

  @Test
  void removeAndShutdownNowSeeTheApplicationsTasksNotWrappers() {
    assertThat(checks)
        .containsEntry("removeFindsTheLambda", "true")
        .containsEntry("shutdownNowReturnsTheLambda", "true");
  }

  @Test
  void cancelledTasksAreNotKeptInMemory() {
    assertThat(checks).containsEntry("cancelledTasksStillReachable", "0");
  }

  @Test
  void tenThousandInterleavedTasksOnTwoThreadsEachHaveTheirRequestAsParent() {
    Map<Long, ReceivedSpan> requests =
        spans.stream()
            .filter(span -> span.name().equals("stress.request"))
            .collect(Collectors.toMap(span -> (Long) span.attribute("request.id"), span -> span));
    assertThat(requests).hasSize(Stress.SUBMITTERS * Stress.REQUESTS_PER_SUBMITTER);
    assertThat(requests.values()).allMatch(ReceivedSpan::isRoot);

    List<ReceivedSpan> tasks =
        spans.stream().filter(span -> span.name().equals("stress.task")).collect(Collectors.toList());
    assertThat(tasks).hasSize(STRESS_TASKS);
    List<String> wrongParents =
        tasks.stream()
            .filter(
                task -> {
                  ReceivedSpan request = requests.get((Long) task.attribute("request.id"));
                  return !request.spanId().equals(task.parentSpanId())
                      || !request.traceId().equals(task.traceId());
                })
            .map(task -> task.attribute("request.id") + "/" + task.attribute("task.id"))
            .collect(Collectors.toList());
    assertThat(wrongParents).as("tasks under the wrong parent").isEmpty();
    probesAreRoots(spans, "stress", 20);
  }

  @Test
  void propagationKeepsNoTaskInMemoryAndTheHeapFlat() {
    assertThat(Long.parseLong(checks.get("stress.sampledTasks"))).isEqualTo(STRESS_TASKS / 10);
    assertThat(checks).containsEntry("stress.tasksStillReachable", "0");
    assertThat(Long.parseLong(checks.get("heap.tasksRun"))).isEqualTo(4L * STRESS_TASKS);
    // Three rounds of 10,000 context-carrying tasks after a warm-up round: what the agent kept
    // per task would show as megabytes.
    assertThat(Long.parseLong(checks.get("heap.growthKiB"))).isLessThan(4 * 1024);
  }
}
