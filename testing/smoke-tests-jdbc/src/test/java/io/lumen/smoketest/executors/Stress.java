package io.lumen.smoketest.executors;

import static java.util.concurrent.TimeUnit.SECONDS;

import io.lumen.smoketest.support.AppChecks;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two pool threads, four request threads: 100 requests of 100 tasks each, interleaved in the
 * pool's queue. Then rounds of the same load whose tasks create no spans, to watch the heap.
 */
final class Stress {

  static final int SUBMITTERS = 4;
  static final int REQUESTS_PER_SUBMITTER = 25;
  static final int TASKS_PER_REQUEST = 100;

  private Stress() {}

  static void run(Work work) throws Exception {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, SECONDS, new LinkedBlockingQueue<>());

    List<WeakReference<Object>> sampledTasks = Collections.synchronizedList(new ArrayList<>());
    load(
        pool,
        (submitter, request, task, done) -> {
          long requestId = (long) submitter * REQUESTS_PER_SUBMITTER + request;
          Runnable body;
          switch (task % 3) {
            case 0:
              body = () -> {
                work.stressTask(requestId, task);
                done.countDown();
              };
              pool.execute(body);
              break;
            case 1:
              java.util.concurrent.Callable<Long> callable = () -> {
                work.stressTask(requestId, task);
                done.countDown();
                return requestId;
              };
              pool.submit(callable);
              body = null;
              if (task % 10 == 0) {
                sampledTasks.add(new WeakReference<>(callable));
              }
              break;
            default:
              body = new StressTask(work, requestId, task, done);
              pool.execute(body);
          }
          if (body != null && task % 10 == 0) {
            sampledTasks.add(new WeakReference<>(body));
          }
        },
        (requestId, body) -> work.stressRequest(requestId, body));
    AppChecks.report("stress.sampledTasks", sampledTasks.size());
    AppChecks.report("stress.tasksStillReachable", Reachability.reachable(sampledTasks));
    for (int i = 0; i < 20; i++) {
      pool.submit(() -> work.probe("stress")).get();
    }

    AtomicLong ran = new AtomicLong();
    HeapRound round =
        () ->
            load(
                pool,
                (submitter, request, task, done) -> {
                  if (task % 2 == 0) {
                    pool.execute(() -> {
                      ran.incrementAndGet();
                      done.countDown();
                    });
                  } else {
                    pool.execute(new CountingTask(ran, done));
                  }
                },
                (requestId, body) -> work.heapRequest(body));
    round.run();
    long baseline = usedHeapAfterGc();
    for (int i = 0; i < 3; i++) {
      round.run();
    }
    long after = usedHeapAfterGc();
    AppChecks.report("heap.tasksRun", ran.get());
    AppChecks.report("heap.baselineKiB", baseline / 1024);
    AppChecks.report("heap.growthKiB", (after - baseline) / 1024);
    pool.shutdown();
  }

  private interface TaskSubmission {
    void submit(int submitter, int request, int task, CountDownLatch done) throws Exception;
  }

  private interface RequestSpan {
    void run(long requestId, Work.Body body) throws Exception;
  }

  private interface HeapRound {
    void run() throws Exception;
  }

  /** Runs the requests on their threads, each waiting for its own tasks. */
  private static void load(ThreadPoolExecutor pool, TaskSubmission submission, RequestSpan span)
      throws Exception {
    List<Thread> submitters = new ArrayList<>();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    for (int s = 0; s < SUBMITTERS; s++) {
      int submitter = s;
      Thread thread =
          new Thread(
              () -> {
                try {
                  for (int r = 0; r < REQUESTS_PER_SUBMITTER; r++) {
                    int request = r;
                    long requestId = (long) submitter * REQUESTS_PER_SUBMITTER + request;
                    span.run(
                        requestId,
                        () -> {
                          CountDownLatch done = new CountDownLatch(TASKS_PER_REQUEST);
                          for (int t = 0; t < TASKS_PER_REQUEST; t++) {
                            submission.submit(submitter, request, t, done);
                          }
                          done.await();
                        });
                  }
                } catch (Throwable t) {
                  failures.add(t);
                }
              },
              "request-thread-" + s);
      submitters.add(thread);
      thread.start();
    }
    for (Thread thread : submitters) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("a request thread failed", failures.get(0));
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  static final class StressTask implements Runnable {
    private final Work work;
    private final long requestId;
    private final long taskId;
    private final CountDownLatch done;

    StressTask(Work work, long requestId, long taskId, CountDownLatch done) {
      this.work = work;
      this.requestId = requestId;
      this.taskId = taskId;
      this.done = done;
    }

    @Override
    public void run() {
      work.stressTask(requestId, taskId);
      done.countDown();
    }
  }

  static final class CountingTask implements Runnable {
    private final AtomicLong ran;
    private final CountDownLatch done;

    CountingTask(AtomicLong ran, CountDownLatch done) {
      this.ran = ran;
      this.done = done;
    }

    @Override
    public void run() {
      ran.incrementAndGet();
      done.countDown();
    }
  }
}
