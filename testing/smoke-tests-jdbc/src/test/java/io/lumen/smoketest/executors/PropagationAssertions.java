package io.lumen.smoketest.executors;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.testing.receiver.ReceivedSpan;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the executor applications' spans must look like at the receiver. */
final class PropagationAssertions {

  private PropagationAssertions() {}

  /**
   * The scenario's request is one root span and its {@code expectedTasks} task spans are its
   * direct children: the context followed every task to its thread.
   */
  static void tasksAreChildrenOfTheirRequest(
      List<ReceivedSpan> spans, String scenario, int expectedTasks) {
    List<ReceivedSpan> requests = named(spans, "request", scenario);
    assertThat(requests).as("request spans of %s", scenario).hasSize(1);
    ReceivedSpan request = requests.get(0);
    assertThat(request.isRoot()).as("request of %s is a root span", scenario).isTrue();
    List<ReceivedSpan> tasks = named(spans, "task", scenario);
    assertThat(tasks).as("task spans of %s", scenario).hasSize(expectedTasks);
    assertThat(tasks)
        .as("task spans of %s are children of its request %s", scenario, request.spanId())
        .allSatisfy(
            task -> {
              assertThat(task.traceId()).isEqualTo(request.traceId());
              assertThat(task.parentSpanId()).isEqualTo(request.spanId());
            });
  }

  /** The scenario's tasks ran outside its request: each is a trace of its own. */
  static void tasksAreRoots(List<ReceivedSpan> spans, String scenario, int expectedTasks) {
    List<ReceivedSpan> tasks = named(spans, "task", scenario);
    assertThat(tasks).as("task spans of %s", scenario).hasSize(expectedTasks);
    assertThat(tasks).as("task spans of %s are roots", scenario).allMatch(ReceivedSpan::isRoot);
  }

  /** Every probe ran outside any request: no context was left behind on the pool's threads. */
  static void probesAreRoots(List<ReceivedSpan> spans, String scenario, int expectedProbes) {
    List<ReceivedSpan> probes = named(spans, "probe", scenario);
    assertThat(probes).as("probe spans of %s", scenario).hasSize(expectedProbes);
    assertThat(probes)
        .as("probes of %s run in no request's context", scenario)
        .allMatch(ReceivedSpan::isRoot);
  }

  static List<ReceivedSpan> named(List<ReceivedSpan> spans, String name, String scenario) {
    return spans.stream()
        .filter(span -> span.name().equals(name) && scenario.equals(span.attribute("scenario")))
        .collect(Collectors.toList());
  }

  /** Spans by id, to look parents up. */
  static Map<String, ReceivedSpan> byId(List<ReceivedSpan> spans) {
    return spans.stream().collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity()));
  }
}
