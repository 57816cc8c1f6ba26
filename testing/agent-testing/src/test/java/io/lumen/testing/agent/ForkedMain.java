package io.lumen.testing.agent;

/**
 * The application ForkedJvmTest forks: reports what it was started with, then either exits with
 * a given code or waits to be stopped.
 */
public final class ForkedMain {

  public static void main(String[] args) throws InterruptedException {
    System.out.println("args=" + String.join(",", args));
    System.out.println("greeting=" + System.getProperty("greeting"));
    System.out.println("GREETING_ENV=" + System.getenv("GREETING_ENV"));
    System.getenv().entrySet().stream()
        .filter(e -> e.getKey().startsWith("OTEL_"))
        .sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> System.out.println(e.getKey() + "=" + e.getValue()));
    System.err.println("this goes to stderr");
    System.out.print("prompt without newline> ");
    System.out.flush();
    if (args.length > 0 && args[0].equals("wait")) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
      System.out.println("\nwaiting to be stopped");
      Thread.sleep(Long.MAX_VALUE);
    }
    System.exit(args.length > 0 ? Integer.parseInt(args[0]) : 0);
  }

  private ForkedMain() {}
}
