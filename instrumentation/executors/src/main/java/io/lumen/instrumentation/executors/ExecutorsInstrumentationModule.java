package io.lumen.instrumentation.executors;

import io.lumen.agent.extension.AgentConfig;
import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Context propagation across threads: a task runs in the context it was submitted in, for the
 * JDK's thread pools, scheduled executors, fork/join pools (the common pool and parallel streams
 * included), {@code CompletableFuture} async stages and virtual-thread-per-task executors. Enabled
 * by {@code otel.instrumentation.executors.enabled} (or {@code java-util-concurrent}); further
 * executor classes by {@code otel.instrumentation.executors.include}.
 *
 * <p>Threads started by hand ({@code new Thread(task).start()}, {@code Thread.ofVirtual()}) do not
 * inherit the context: such a thread may outlive the request that started it by far, and would
 * report its work in that request's trace forever.
 */
public final class ExecutorsInstrumentationModule extends InstrumentationModule {

  public ExecutorsInstrumentationModule() {
    super("executors", "java-util-concurrent");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    loadJdkClasses();
    return Arrays.<TypeInstrumentation>asList(
        new ThreadPoolExecutorInstrumentation(),
        new ScheduledThreadPoolExecutorInstrumentation(),
        new ForkJoinPoolInstrumentation(),
        new OtherExecutorsInstrumentation(
            AgentConfig.get().getList("otel.instrumentation.executors.include")),
        new ForkJoinTaskInstrumentation(),
        new JdkTaskInstrumentation(),
        new ApplicationTaskInstrumentation("java.lang.Runnable", "run"),
        new ApplicationTaskInstrumentation("java.util.concurrent.Callable", "call"),
        new CompletableFutureInstrumentation());
  }

  /**
   * Loads (without initializing) the JDK classes this module rewrites, now, before the agent
   * installs its transformer. Rewriting {@code ForkJoinTask}, which the JVM loads early, makes the
   * agent describe its methods, and that loads {@code ForkJoinPool} from inside the transformer,
   * where the class would be neither transformed nor, since it was not loaded when the agent
   * looked, retransformed. Loaded now, it is among the classes the agent retransforms.
   */
  private static void loadJdkClasses() {
    List<String> names = new ArrayList<>(TaskSubmission.INSTRUMENTED_JDK_TASKS);
    names.addAll(
        Arrays.asList(
            "java.util.concurrent.ThreadPoolExecutor",
            "java.util.concurrent.ScheduledThreadPoolExecutor",
            "java.util.concurrent.ForkJoinPool",
            "java.util.concurrent.ForkJoinTask",
            "java.util.concurrent.CompletableFuture",
            "java.util.concurrent.CompletableFuture$UniCompletion",
            "java.util.concurrent.CompletableFuture$ThreadPerTaskExecutor",
            "java.util.concurrent.ThreadPerTaskExecutor"));
    for (String name : names) {
      try {
        Class.forName(name, false, null);
      } catch (ClassNotFoundException | LinkageError notInThisJdk) {
        // JDK 21+ classes on older JDKs, and the other way round
      }
    }
  }
}
