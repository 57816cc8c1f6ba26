package io.lumen.smoketest.reliability.apps;

/** Does nothing and opens no socket: prints {@code READY} and waits to be stopped. */
public final class IdleApp {

  private IdleApp() {}

  public static void main(String[] args) throws Exception {
    System.out.println("READY");
    Thread.sleep(Long.MAX_VALUE);
  }
}
