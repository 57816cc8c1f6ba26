package io.lumen.smoketest.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts a forked application observed about itself (what {@code remove} returned, whether tasks
 * were collected), printed as {@code CHECK name=value} lines for the test to assert on.
 */
public final class AppChecks {

  private static final Pattern CHECK = Pattern.compile("^CHECK (\\S+)=(.*)$", Pattern.MULTILINE);

  private AppChecks() {}

  /** Prints one check; called by the applications. */
  public static void report(String name, Object value) {
    System.out.println("CHECK " + name + "=" + value);
    System.out.flush();
  }

  /** Every check in an application's output, the last value winning. */
  public static Map<String, String> parse(String output) {
    Map<String, String> checks = new LinkedHashMap<>();
    Matcher matcher = CHECK.matcher(output);
    while (matcher.find()) {
      checks.put(matcher.group(1), matcher.group(2).trim());
    }
    return checks;
  }
}
