package io.lumen.smoketest.reliability.apps;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads every class of the given jars from many threads at once, through several class loaders
 * (each shared by all threads, each thread in its own random order), while a watchdog asks the JVM
 * for deadlocked threads every 200 ms. Classes are loaded, not initialized: what matters is the
 * agent's transformer running on every thread at the same time.
 *
 * <p>Prints {@code LOADED <n> CLASSES} and exits 0, or {@code DEADLOCK} with the threads involved
 * and exits 3.
 */
public final class ParallelClassLoadingApp {

  private static final int THREADS = 16;
  private static final int LOADERS = 4;

  private ParallelClassLoadingApp() {}

  public static void main(String[] args) throws Exception {
    List<URL> jars = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String arg : args) {
      jars.add(Path.of(arg).toUri().toURL());
      try (JarFile jar = new JarFile(arg)) {
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
          String name = entries.nextElement().getName();
          if (name.endsWith(".class") && !name.contains("module-info") && !name.startsWith("META-INF")) {
            names.add(name.substring(0, name.length() - 6).replace('/', '.'));
          }
        }
      }
    }
    startWatchdog();
    List<ClassLoader> loaders = new ArrayList<>();
    for (int i = 0; i < LOADERS; i++) {
      loaders.add(new URLClassLoader(jars.toArray(new URL[0]), ParallelClassLoadingApp.class.getClassLoader().getParent()));
    }
    AtomicInteger loaded = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      long seed = t;
      Thread thread =
          new Thread(
              () -> {
                List<String> order = new ArrayList<>(names);
                Collections.shuffle(order, new Random(seed));
                ClassLoader loader = loaders.get((int) (seed % LOADERS));
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (String name : order) {
                  try {
                    Class.forName(name, false, loader);
                    loaded.incrementAndGet();
                  } catch (ClassNotFoundException | LinkageError e) {
                    // optional dependencies of the jar: not this test's concern
                  }
                }
              },
              "loader-" + t);
      threads.add(thread);
      thread.start();
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    System.out.println("LOADED " + loaded.get() + " CLASSES of " + names.size() + " x " + THREADS);
    System.exit(0);
  }

  private static void startWatchdog() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Thread watchdog =
        new Thread(
            () -> {
              while (true) {
                long[] deadlocked = threads.findDeadlockedThreads();
                if (deadlocked != null) {
                  System.out.println("DEADLOCK");
                  for (ThreadInfo info : threads.getThreadInfo(deadlocked, true, true)) {
                    System.out.println(info);
                  }
                  System.exit(3);
                }
                try {
                  Thread.sleep(200);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "deadlock-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
