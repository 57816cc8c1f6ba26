package io.lumen.smoketest.executors;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;

/**
 * The traced methods of the executor applications: a request (a root span, like a server span)
 * and the tasks it hands to other threads (child spans, if the context followed them).
 */
public class Work {

  /** Code that may throw, run as the body of a request. */
  @FunctionalInterface
  public interface Body {
    void run() throws Exception;
  }

  @WithSpan("request")
  public void request(@SpanAttribute("scenario") String scenario, Body body) throws Exception {
    body.run();
  }

  @WithSpan("task")
  public void task(@SpanAttribute("scenario") String scenario) {}

  /** Work of a task that must not belong to any request: run from a context-free thread. */
  @WithSpan("probe")
  public void probe(@SpanAttribute("scenario") String scenario) {}

  @WithSpan("stress.request")
  public void stressRequest(@SpanAttribute("request.id") long requestId, Body body)
      throws Exception {
    body.run();
  }

  @WithSpan("stress.task")
  public void stressTask(
      @SpanAttribute("request.id") long requestId, @SpanAttribute("task.id") long taskId) {}

  /** A request of the heap rounds, whose tasks create no spans: only context is carried. */
  @WithSpan("heap.request")
  public void heapRequest(Body body) throws Exception {
    body.run();
  }
}
