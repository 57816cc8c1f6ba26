package io.lumen.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP load generator, run in its own JVM so that its work is never counted as the
 * application's: {@code connections} threads each send a request, wait for the whole response and
 * send the next, for a fixed time. With more connections than the application's machine has cores
 * the application is saturated, and the latency then says how long a request waits, not only how
 * long it is served.
 *
 * <p>Driven over standard input so that one JVM (with its JIT warm) serves every phase of a run:
 *
 * <pre>
 * java io.lumen.benchmarks.load.LoadGenerator http://127.0.0.1:8080 8
 * READY                                   (printed)
 * RUN /users/{id} 10                      (10 seconds; {id} is a random user id 1..1000)
 * RESULT path=/users/{id} responses=...   (printed)
 * EXIT
 * </pre>
 */
public final class LoadGenerator {

  /** Ids of the users the example app has. */
  static final int USERS = 1000;

  private static final long HIGHEST_LATENCY_MICROS = Duration.ofSeconds(60).toNanos() / 1000;

  private final String baseUrl;
  private final int connections;
  private final HttpClient client;

  LoadGenerator(String baseUrl, int connections) {
    this.baseUrl = baseUrl;
    this.connections = connections;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: LoadGenerator <base url> <connections>");
      System.exit(2);
    }
    LoadGenerator generator = new LoadGenerator(args[0], Integer.parseInt(args[1]));
    PrintStream out = System.out;
    out.println("READY");
    out.flush();
    BufferedReader commands =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String command;
    while ((command = commands.readLine()) != null) {
      String[] words = command.trim().split(" +");
      if (words[0].equals("EXIT")) {
        break;
      }
      if (words[0].equals("RUN") && words.length == 3) {
        out.println(generator.run(words[1], Duration.ofMillis(parseMillis(words[2]))).toLine());
      } else {
        out.println("ERROR unknown command: " + command);
      }
      out.flush();
    }
    System.exit(0);
  }

  private static long parseMillis(String seconds) {
    return Math.round(Double.parseDouble(seconds) * 1000);
  }

  /** Sends requests to {@code pathTemplate} on every connection for {@code duration}. */
  LoadResult run(String pathTemplate, Duration duration) throws InterruptedException {
    AtomicLong failures = new AtomicLong();
    AtomicLong non2xx = new AtomicLong();
    List<Histogram> histograms = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    long[] deadline = new long[1];
    for (int i = 0; i < connections; i++) {
      Histogram histogram = new Histogram(HIGHEST_LATENCY_MICROS, 3);
      histograms.add(histogram);
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                sendUntil(pathTemplate, deadline[0], histogram, failures, non2xx);
              },
              "load-" + i);
      thread.start();
      threads.add(thread);
    }
    long started = System.nanoTime();
    deadline[0] = started + duration.toNanos();
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Histogram total = new Histogram(HIGHEST_LATENCY_MICROS, 3);
    histograms.forEach(total::add);
    return new LoadResult(
        pathTemplate,
        total.getTotalCount(),
        failures.get(),
        non2xx.get(),
        seconds,
        total.getValueAtPercentile(50),
        total.getValueAtPercentile(99),
        total.getMaxValue());
  }

  private void sendUntil(
      String pathTemplate,
      long deadline,
      Histogram latencies,
      AtomicLong failures,
      AtomicLong non2xx) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (System.nanoTime() < deadline) {
      String path = pathTemplate.replace("{id}", Integer.toString(random.nextInt(1, USERS + 1)));
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .timeout(Duration.ofSeconds(30))
              .GET()
              .build();
      long begin = System.nanoTime();
      try {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long micros = (System.nanoTime() - begin) / 1000;
        latencies.recordValue(Math.min(micros, HIGHEST_LATENCY_MICROS));
        if (response.statusCode() / 100 != 2) {
          non2xx.incrementAndGet();
        }
      } catch (IOException e) {
        failures.incrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
