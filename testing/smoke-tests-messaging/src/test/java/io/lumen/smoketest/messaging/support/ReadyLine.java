package io.lumen.smoketest.messaging.support;

import io.lumen.testing.agent.ForkedJvm;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code READY port=<port>} line an application prints once it serves HTTP. */
public final class ReadyLine {

  private static final Pattern READY = Pattern.compile("READY port=(\\d+)");

  private ReadyLine() {}

  /** Waits for the line and returns the port. */
  public static int port(ForkedJvm app, Duration timeout) {
    Matcher matcher = READY.matcher(app.waitForOutput(READY, timeout));
    if (!matcher.find()) {
      throw new AssertionError("no port in the READY line of " + app.name());
    }
    return Integer.parseInt(matcher.group(1));
  }
}
