package io.lumen.bootstrap;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where exceptions thrown inside advice end up. Instrumented code catches every {@link Throwable}
 * its advice throws and hands it here, so the application's call goes on as if the agent were not
 * there.
 */
public final class AdviceErrors {

  private static final Set<String> reportedSites =
      java.util.Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());

  private AdviceErrors() {}

  /** Never throws. Logs at debug, once per site. */
  public static void onAdviceError(Throwable error, String site) {
    try {
      if (reportedSites.size() < 10_000 && reportedSites.add(site)) {
        AgentLog.debug("advice failed at " + site + " (further failures here are not logged)", error);
      }
    } catch (Throwable ignored) {
      // diagnostics must never become the failure
    }
  }
}
