package io.lumen.smoketest.executors;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;

import io.lumen.smoketest.support.AppChecks;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.IntStream;

/**
 * Hands work to other threads in every way the executors instrumentation covers, inside {@code
 * request} spans, and reports what it observed as {@code CHECK} lines. Arguments choose the
 * parts: {@code core} (every executor once), {@code stress} (10,000 tasks of interleaved requests
 * on two threads, and heap rounds), {@code virtual} (JDK 21+ virtual threads).
 */
public final class ExecutorsApp {

  private static final Work work = new Work();

  public static void main(String[] args) throws Exception {
    List<String> parts = Arrays.asList(args);
    if (parts.contains("core")) {
      core();
    }
    if (parts.contains("virtual")) {
      VirtualThreads.run(work);
    }
    if (parts.contains("stress")) {
      Stress.run(work);
    }
    System.out.println("DONE");
  }

  private static void core() throws Exception {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, SECONDS, new LinkedBlockingQueue<>());
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2);
    scheduler.setRemoveOnCancelPolicy(true);
    ForkJoinPool forkJoinPool = new ForkJoinPool(2);
    ExecutorService single = Executors.newSingleThreadExecutor();

    work.request("tpe-execute-lambda", () -> awaitRunnable(pool::execute, "tpe-execute-lambda"));
    work.request(
        "tpe-execute-runnable",
        () -> {
          TaskRunnable task = new TaskRunnable(work, "tpe-execute-runnable");
          pool.execute(task);
          task.await();
        });
    work.request(
        "tpe-submit-callable",
        () -> pool.submit(() -> {
          work.task("tpe-submit-callable");
          return 1;
        }).get());
    work.request(
        "tpe-submit-callable-class",
        () -> pool.submit(new TaskCallable(work, "tpe-submit-callable-class")).get());
    work.request(
        "tpe-invoke-all",
        () -> {
          for (Future<Integer> future : pool.invokeAll(callables("tpe-invoke-all", 3))) {
            future.get();
          }
        });
    work.request(
        "single-thread-submit",
        () -> single.submit(() -> work.task("single-thread-submit")).get());
    work.request(
        "stpe-schedule",
        () -> scheduler.schedule(() -> work.task("stpe-schedule"), 20, MILLISECONDS).get());
    work.request(
        "stpe-schedule-callable",
        () -> scheduler.schedule(new TaskCallable(work, "stpe-schedule-callable"), 20, MILLISECONDS)
            .get());
    work.request(
        "stpe-submit", () -> scheduler.submit(() -> work.task("stpe-submit")).get());
    work.request(
        "fjp-execute", () -> awaitRunnable(forkJoinPool::execute, "fjp-execute"));
    work.request(
        "fjp-submit-callable",
        () -> forkJoinPool.submit(() -> {
          work.task("fjp-submit-callable");
          return 1;
        }).get());
    work.request(
        "fjp-invoke-all",
        () -> {
          for (Future<Integer> future : forkJoinPool.invokeAll(callables("fjp-invoke-all", 3))) {
            future.get();
          }
        });
    work.request(
        "fjp-recursive-action",
        () -> forkJoinPool.invoke(new SplittingAction(work, "fjp-recursive-action", 0, 16)));
    work.request(
        "common-pool-submit",
        () -> ForkJoinPool.commonPool().submit(() -> work.task("common-pool-submit")).get());
    work.request(
        "parallel-stream",
        () -> IntStream.range(0, 64).parallel().forEach(i -> work.task("parallel-stream")));
    work.request(
        "cf-async-stages",
        () -> CompletableFuture.supplyAsync(() -> {
              work.task("cf-async-stages");
              return 1;
            })
            .thenApplyAsync(value -> {
              work.task("cf-async-stages");
              return value + 1;
            })
            .thenAcceptAsync(value -> work.task("cf-async-stages"), pool)
            .join());
    lateCompletedStage();

    // Threads started by hand do not inherit the context (see the module's documentation).
    work.request(
        "thread-start",
        () -> {
          Thread thread = new Thread(() -> work.task("thread-start"));
          thread.start();
          thread.join();
        });

    rejection();
    removalAndShutdownNow();
    cancellation(scheduler);
    failingTask(pool);

    // Whatever ran before, a task submitted outside any request runs outside any request.
    for (int i = 0; i < 4; i++) {
      pool.submit(() -> work.probe("tpe")).get();
      scheduler.submit(() -> work.probe("stpe")).get();
      forkJoinPool.submit(() -> work.probe("fjp")).get();
      ForkJoinPool.commonPool().submit(() -> work.probe("common-pool")).get();
      single.submit(() -> work.probe("single-thread")).get();
    }
    IntStream.range(0, 32).parallel().forEach(i -> work.probe("parallel-stream"));
    CompletableFuture.runAsync(() -> work.probe("cf")).join();

    pool.shutdown();
    scheduler.shutdown();
    forkJoinPool.shutdown();
    single.shutdown();
  }

  /**
   * A stage created in one request but handed to the executor by the thread of another, which
   * completes the stage it depends on: it belongs to the request that created it.
   */
  private static void lateCompletedStage() throws Exception {
    CompletableFuture<Integer> gate = new CompletableFuture<>();
    work.request(
        "cf-late-completion",
        () -> {
          CompletableFuture<Void> stage =
              gate.thenApplyAsync(value -> value + 1).thenAcceptAsync(
                  value -> work.task("cf-late-completion"));
          Thread completer =
              new Thread(
                  () -> {
                    try {
                      work.request("cf-completer", () -> gate.complete(1));
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  });
          completer.start();
          completer.join();
          stage.join();
        });
  }

  private static void rejection() throws Exception {
    ThreadPoolExecutor full =
        new ThreadPoolExecutor(1, 1, 0, SECONDS, new SynchronousQueue<>(), new ThreadPoolExecutor.AbortPolicy());
    CountDownLatch release = new CountDownLatch(1);
    full.execute(() -> awaitQuietly(release));
    boolean[] rejected = {false};
    work.request(
        "rejected",
        () -> {
          try {
            full.execute(() -> work.task("rejected"));
          } catch (RejectedExecutionException expected) {
            rejected[0] = true;
          }
        });
    AppChecks.report("rejected", rejected[0]);
    release.countDown();
    // The same thread, free again, runs the next task outside any request.
    retryUntilAccepted(full, () -> work.probe("after-rejection"));
    full.shutdown();
  }

  private static void retryUntilAccepted(ThreadPoolExecutor executor, Runnable task)
      throws Exception {
    while (true) {
      try {
        executor.submit(task).get();
        return;
      } catch (RejectedExecutionException stillBusy) {
        Thread.sleep(5);
      }
    }
  }

  private static void removalAndShutdownNow() throws Exception {
    ThreadPoolExecutor busy = new ThreadPoolExecutor(1, 1, 0, SECONDS, new LinkedBlockingQueue<>());
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    busy.execute(() -> {
      started.countDown();
      awaitQuietly(release);
    });
    started.await();
    Runnable removed = () -> work.task("removed");
    Runnable neverRun = () -> work.task("never-run");
    work.request(
        "removal",
        () -> {
          busy.execute(removed);
          AppChecks.report("removeFindsTheLambda", busy.remove(removed));
          busy.execute(neverRun);
        });
    List<Runnable> notRun = busy.shutdownNow();
    AppChecks.report("shutdownNowReturnsTheLambda", notRun.size() == 1 && notRun.get(0) == neverRun);
    release.countDown();
  }

  /**
   * A cancelled delayed task never runs, and neither the executor nor the agent keeps it (and the
   * request's context) in memory.
   */
  private static void cancellation(ScheduledThreadPoolExecutor scheduler) throws Exception {
    List<WeakReference<Object>> cancelled = new ArrayList<>();
    work.request(
        "cancelled",
        () -> {
          for (int i = 0; i < 10; i++) {
            String scenario = "cancelled";
            // Capturing, so a new lambda object each time, and one the agent wraps.
            Runnable task = i % 2 == 0 ? () -> work.task(scenario) : new TaskRunnable(work, scenario);
            ScheduledFuture<?> future = scheduler.schedule(task, 1, java.util.concurrent.TimeUnit.HOURS);
            cancelled.add(new WeakReference<>(task));
            cancelled.add(new WeakReference<>(future));
            future.cancel(false);
          }
        });
    AppChecks.report("cancelledTasksStillReachable", Reachability.reachable(cancelled));
  }

  private static void failingTask(ThreadPoolExecutor pool) throws Exception {
    work.request(
        "failing-task",
        () -> {
          Future<?> failed =
              pool.submit(
                  () -> {
                    work.task("failing-task");
                    throw new IllegalStateException("task failed");
                  });
          try {
            failed.get();
          } catch (java.util.concurrent.ExecutionException expected) {
            // the task's own failure
          }
        });
  }

  private interface Submitter {
    void submit(Runnable task);
  }

  private static void awaitRunnable(Submitter submitter, String scenario) throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    submitter.submit(
        () -> {
          work.task(scenario);
          done.countDown();
        });
    done.await();
  }

  private static List<Callable<Integer>> callables(String scenario, int count) {
    List<Callable<Integer>> callables = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      callables.add(
          () -> {
            work.task(scenario);
            return 1;
          });
    }
    return callables;
  }

  static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A task class of the application's own: carries its context without a wrapper. */
  static final class TaskRunnable implements Runnable {
    private final Work work;
    private final String scenario;
    private final CountDownLatch done = new CountDownLatch(1);

    TaskRunnable(Work work, String scenario) {
      this.work = work;
      this.scenario = scenario;
    }

    @Override
    public void run() {
      work.task(scenario);
      done.countDown();
    }

    void await() throws InterruptedException {
      done.await();
    }
  }

  static final class TaskCallable implements Callable<Integer> {
    private final Work work;
    private final String scenario;

    TaskCallable(Work work, String scenario) {
      this.work = work;
      this.scenario = scenario;
    }

    @Override
    public Integer call() {
      work.task(scenario);
      return 1;
    }
  }

  /** Splits a range until it is small, forking the halves: a task per leaf. */
  static final class SplittingAction extends RecursiveAction {
    private final Work work;
    private final String scenario;
    private final int from;
    private final int to;

    SplittingAction(Work work, String scenario, int from, int to) {
      this.work = work;
      this.scenario = scenario;
      this.from = from;
      this.to = to;
    }

    @Override
    protected void compute() {
      if (to - from <= 2) {
        work.task(scenario);
        return;
      }
      int middle = (from + to) / 2;
      SplittingAction left = new SplittingAction(work, scenario, from, middle);
      SplittingAction right = new SplittingAction(work, scenario, middle, to);
      left.fork();
      right.compute();
      left.join();
    }
  }
}
