package io.lumen.testing.receiver;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A standalone OTLP receiver for development and the demo: prints each trace as a tree once it is
 * complete, a line per metric export and a line per log record, until killed.
 *
 * <pre>
 * java -jar testing/otlp-receiver/target/lumen-otlp-receiver-0.1.0-SNAPSHOT-all.jar \
 *     [--grpc-port 4317] [--http-port 4318] [--host 127.0.0.1] [--all-attributes]
 * </pre>
 */
public final class DevReceiver {

  /** How long a trace must go without new spans before it is printed. */
  private static final Duration QUIET_PERIOD = Duration.ofSeconds(1);

  public static void main(String[] args) throws InterruptedException {
    OtlpReceiverBuilder builder =
        OtlpReceiver.builder().setGrpcPort(4317).setHttpPort(4318).setRetainTelemetry(false);
    TraceTreePrinter treePrinter = TraceTreePrinter.keyAttributes();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--grpc-port":
          builder.setGrpcPort(Integer.parseInt(value(args, ++i)));
          break;
        case "--http-port":
          builder.setHttpPort(Integer.parseInt(value(args, ++i)));
          break;
        case "--host":
          builder.setHost(value(args, ++i));
          break;
        case "--all-attributes":
          treePrinter = TraceTreePrinter.allAttributes();
          break;
        case "-h":
        case "--help":
          usage(System.out);
          return;
        default:
          System.err.println("unknown argument: " + args[i]);
          usage(System.err);
          System.exit(2);
      }
    }

    ConsoleTelemetryPrinter printer =
        new ConsoleTelemetryPrinter(System.out, treePrinter, QUIET_PERIOD, System::nanoTime);
    OtlpReceiver receiver = builder.addListener(printer).start();
    ScheduledExecutorService flusher =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "lumen-dev-receiver-printer");
              thread.setDaemon(true);
              return thread;
            });
    flusher.scheduleWithFixedDelay(printer::printQuietTraces, 200, 200, TimeUnit.MILLISECONDS);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  receiver.close();
                  printer.printQuietTraces();
                  stopped.countDown();
                }));
    System.out.println(
        "Lumen dev receiver: OTLP/gRPC on port " + receiver.grpcPort() + ", OTLP/HTTP on port "
            + receiver.httpPort() + ". Ctrl-C to stop.");
    stopped.await();
  }

  private static String value(String[] args, int index) {
    if (index >= args.length) {
      throw new IllegalArgumentException(args[index - 1] + " needs a value");
    }
    return args[index];
  }

  private static void usage(PrintStream out) {
    out.println(
        "usage: DevReceiver [--grpc-port N (4317)] [--http-port N (4318)]"
            + " [--host ADDRESS (127.0.0.1)] [--all-attributes]");
  }

  private DevReceiver() {}
}
