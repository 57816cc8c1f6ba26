package io.lumen.instrumentation.executors;

import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What happens to a task handed to an executor: the current context is attached to it, or, when
 * the task's own {@code run}/{@code call} cannot be instrumented, the task is wrapped.
 *
 * <p>Submission advice returns {@code {task to pass on, holder}}: the first element replaces the
 * method's task argument, the second lets the exit advice forget the context if the submission
 * throws (a rejected task never runs, so nothing else would).
 */
final class TaskSubmission {

  /**
   * JDK task classes whose {@code run} or {@code call} this module instruments ({@link
   * JdkTaskInstrumentation}); {@code ForkJoinTask}s are instrumented in {@code exec} besides.
   * Other JDK tasks are wrapped.
   */
  static final Set<String> INSTRUMENTED_JDK_TASKS =
      Collections.unmodifiableSet(
          new HashSet<>(
              Arrays.asList(
                  "java.util.concurrent.FutureTask",
                  "java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask",
                  "java.util.concurrent.ExecutorCompletionService$QueueingFuture",
                  "java.util.concurrent.CompletableFuture$Completion",
                  "java.util.concurrent.CompletableFuture$AsyncSupply",
                  "java.util.concurrent.CompletableFuture$AsyncRun",
                  "java.util.concurrent.ThreadPerTaskExecutor$ThreadBoundFuture")));

  private static final String WRAPPER_PREFIX = TaskSubmission.class.getPackage().getName() + ".";

  private static final ClassLoader PLATFORM_LOADER = ClassLoader.getSystemClassLoader().getParent();

  private TaskSubmission() {}

  /** A task passed on as it is, with nothing to clean up. */
  static Object[] unchanged(Object task) {
    return new Object[] {task, null};
  }

  /**
   * Prepares a {@code Runnable} for an executor.
   *
   * @param mayWrap false where the executor could tell a wrapper from the task (a thread pool
   *     whose queue orders tasks by their own type); such tasks then go without context if they
   *     must be wrapped
   */
  static Object[] runnable(Runnable task, boolean mayWrap) {
    Context context = Context.current();
    if (!shouldPropagate(context, task)) {
      return unchanged(task);
    }
    if (needsWrapper(task)) {
      if (!mayWrap) {
        return unchanged(task);
      }
      AtomicReference<Context> holder = new AtomicReference<>(context);
      return new Object[] {new ContextPropagatingRunnable(task, holder), holder};
    }
    return new Object[] {task, PropagatedContexts.attach(task, context)};
  }

  /** Prepares a {@code Callable} for an executor. */
  static Object[] callable(Callable<?> task) {
    Context context = Context.current();
    if (!shouldPropagate(context, task)) {
      return unchanged(task);
    }
    if (needsWrapper(task)) {
      AtomicReference<Context> holder = new AtomicReference<>(context);
      return new Object[] {new ContextPropagatingCallable<>(task, holder), holder};
    }
    return new Object[] {task, PropagatedContexts.attach(task, context)};
  }

  /** Prepares a task of an instrumented class ({@code ForkJoinTask}s), never wrapped. */
  static AtomicReference<Context> task(Object task) {
    Context context = Context.current();
    if (!shouldPropagate(context, task)) {
      return null;
    }
    return PropagatedContexts.attach(task, context);
  }

  /**
   * Prepares a collection of callables ({@code invokeAll}, {@code invokeAny}).
   *
   * @return the collection to pass on: the same one unless a task had to be wrapped
   */
  static Collection<?> callables(Collection<?> tasks) {
    if (tasks == null || Context.current() == Context.root()) {
      return tasks;
    }
    List<Object> passedOn = new ArrayList<>(tasks.size());
    boolean wrapped = false;
    for (Object task : tasks) {
      Object prepared = task instanceof Callable ? callable((Callable<?>) task)[0] : task;
      wrapped |= prepared != task;
      passedOn.add(prepared);
    }
    return wrapped ? passedOn : tasks;
  }

  static boolean isWrapper(Object task) {
    return task.getClass().getName().startsWith(WRAPPER_PREFIX + "ContextPropagating");
  }

  /**
   * The task a wrapper of this copy of the module stands for. Thread pools are JDK classes, so the
   * wrappers in their queues come from the copy of this module next to the JDK.
   */
  static Object unwrap(Object task) {
    return task instanceof ContextPropagatingRunnable
        ? ((ContextPropagatingRunnable) task).delegate()
        : task;
  }

  private static boolean shouldPropagate(Context context, Object task) {
    if (task == null || context == Context.root() || isWrapper(task)) {
      return false;
    }
    // A virtual thread's continuation is scheduled on its carrier's pool from whatever virtual
    // thread unparks it: that thread's context must not follow the continuation to the carrier.
    return !task.getClass().getName().startsWith("java.lang.VirtualThread");
  }

  /**
   * Whether the task's class is one whose {@code run}/{@code call} no advice reaches: lambdas and
   * other hidden classes, proxies, and JDK classes outside {@link #INSTRUMENTED_JDK_TASKS}.
   * Application classes are instrumented where they are loaded.
   */
  private static boolean needsWrapper(Object task) {
    if (task instanceof ForkJoinTask) {
      return false;
    }
    Class<?> type = task.getClass();
    String name = type.getName();
    if (name.indexOf('/') >= 0
        || name.contains("$$Lambda")
        || name.contains("$ByteBuddy$")
        || name.startsWith("com.sun.proxy.")
        || name.startsWith("jdk.proxy")) {
      return true;
    }
    ClassLoader loader = type.getClassLoader();
    if (loader == null || loader == PLATFORM_LOADER) {
      return !INSTRUMENTED_JDK_TASKS.contains(name);
    }
    return false;
  }
}
