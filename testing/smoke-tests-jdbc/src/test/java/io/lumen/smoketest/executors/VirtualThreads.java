package io.lumen.smoketest.executors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Virtual threads (JDK 21+, reached reflectively: the tests compile for 17): the
 * virtual-thread-per-task executor carries the context, a virtual thread started by hand does
 * not, and a task keeps its context across parking, when it may resume on another carrier.
 */
final class VirtualThreads {

  private VirtualThreads() {}

  static void run(Work work) throws Exception {
    ExecutorService executor =
        (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);

    work.request(
        "vt-execute",
        () -> {
          CountDownLatch done = new CountDownLatch(1);
          executor.execute(() -> {
            work.task("vt-execute");
            done.countDown();
          });
          done.await();
        });
    work.request(
        "vt-submit",
        () -> executor.submit(() -> {
          work.task("vt-submit");
          return 1;
        }).get());
    work.request(
        "vt-invoke-all",
        () -> {
          List<Callable<Integer>> tasks = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            tasks.add(() -> {
              work.task("vt-invoke-all");
              return 1;
            });
          }
          for (Future<Integer> future : executor.invokeAll(tasks)) {
            future.get();
          }
        });
    work.request(
        "vt-park",
        () -> {
          List<Future<Integer>> futures = new ArrayList<>();
          for (int i = 0; i < 200; i++) {
            futures.add(executor.submit(() -> {
              work.task("vt-park");
              Thread.sleep(1);
              work.task("vt-park");
              return 1;
            }));
          }
          for (Future<Integer> future : futures) {
            future.get();
          }
        });
    work.request(
        "vt-start",
        () -> {
          Runnable task = () -> work.task("vt-start");
          Thread thread =
              (Thread) Thread.class.getMethod("startVirtualThread", Runnable.class).invoke(null, task);
          thread.join();
        });
    for (int i = 0; i < 10; i++) {
      executor.submit(() -> work.probe("virtual")).get();
    }
    executor.shutdown();
  }
}
