package io.lumen.smoketest.reliability.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a service busy: a few threads send {@code /work?seq=N} with a fresh N each, one after the
 * other, and record how each ended and how long it took. Phases ({@link #phase}) let a test compare
 * latencies before, during and after a fault.
 */
public final class LoadGenerator implements AutoCloseable {

  /** One request's outcome. */
  public record Sample(long seq, String phase, long latencyNanos, boolean ok) {}

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final AtomicLong nextSeq = new AtomicLong();
  private final List<Sample> samples = new CopyOnWriteArrayList<>();
  private final Set<Long> succeeded = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();
  private final long pauseMillis;
  private volatile String phase = "start";

  private LoadGenerator(int port, int threadCount, long pauseMillis) {
    this.base = "http://127.0.0.1:" + port + "/work?seq=";
    this.pauseMillis = pauseMillis;
    for (int i = 0; i < threadCount; i++) {
      Thread thread = new Thread(this::run, "load-" + i);
      thread.setDaemon(true);
      threads.add(thread);
    }
  }

  /** Starts {@code threads} senders, each pausing {@code pauseMillis} between requests. */
  public static LoadGenerator start(int port, int threads, long pauseMillis) {
    LoadGenerator load = new LoadGenerator(port, threads, pauseMillis);
    load.threads.forEach(Thread::start);
    return load;
  }

  /** Labels the samples taken from now on. */
  public void phase(String name) {
    this.phase = name;
  }

  private void run() {
    while (running.get()) {
      long seq = nextSeq.incrementAndGet();
      String label = phase;
      long start = System.nanoTime();
      boolean ok;
      try {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(URI.create(base + seq))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        ok = response.statusCode() == 200 && response.body().equals("ok " + seq);
      } catch (Exception e) {
        ok = false;
      }
      long latency = System.nanoTime() - start;
      samples.add(new Sample(seq, label, latency, ok));
      if (ok) {
        succeeded.add(seq);
      }
      if (pauseMillis > 0) {
        AgentUnderTest.sleep(pauseMillis);
      }
    }
  }

  /** Stops sending and waits for the requests in flight. */
  public void stop() {
    running.set(false);
    for (Thread thread : threads) {
      try {
        thread.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  public List<Sample> samples() {
    return Collections.unmodifiableList(samples);
  }

  public List<Sample> samples(String phase) {
    return samples.stream().filter(sample -> sample.phase().equals(phase)).toList();
  }

  /** The sequence numbers answered correctly. */
  public Set<Long> succeeded() {
    return Set.copyOf(succeeded);
  }

  public long errors() {
    return samples.stream().filter(sample -> !sample.ok()).count();
  }

  /** The {@code percentile} (0-100) latency of {@code samples}, in milliseconds. */
  public static double percentileMillis(List<Sample> samples, double percentile) {
    if (samples.isEmpty()) {
      return Double.NaN;
    }
    long[] latencies = samples.stream().mapToLong(Sample::latencyNanos).sorted().toArray();
    int index = (int) Math.ceil(percentile / 100.0 * latencies.length) - 1;
    return latencies[Math.max(0, Math.min(index, latencies.length - 1))] / 1_000_000.0;
  }
}
