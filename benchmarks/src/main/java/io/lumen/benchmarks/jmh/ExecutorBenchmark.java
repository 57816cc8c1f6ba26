package io.lumen.benchmarks.jmh;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A task handed to a thread pool and awaited, while a span is current: the path where an agent
 * carries the context to the pool's thread. The span comes from the OpenTelemetry API, which an
 * agent connects to its SDK; with no agent it is the API's no-op span, so only the hand-off's own
 * cost remains. The task reports whether the context arrived.
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExecutorBenchmark {

  private static final Callable<Boolean> TASK =
      () -> Span.current().getSpanContext().isValid();

  private ExecutorService executor;
  private Span parent;
  private long invocations;
  private long propagated;

  @Setup(Level.Trial)
  public void start() {
    executor = Executors.newFixedThreadPool(1);
    parent = GlobalOpenTelemetry.getTracer("lumen-benchmarks").spanBuilder("parent").startSpan();
  }

  @Benchmark
  public boolean handOff() throws InterruptedException, ExecutionException {
    invocations++;
    try (Scope scope = parent.makeCurrent()) {
      boolean arrived = executor.submit(TASK).get();
      if (arrived) {
        propagated++;
      }
      return arrived;
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    executor.shutdownNow();
    BenchmarkProbe.write(Map.of("invocations", invocations, "propagated", propagated));
  }
}
