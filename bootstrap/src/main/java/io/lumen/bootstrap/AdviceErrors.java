package io.lumen.bootstrap;

import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where exceptions thrown inside advice end up. Instrumented code catches every {@link Throwable}
 * its advice throws and hands it here, so the application's call goes on as if the agent were not
 * there.
 *
 * <p>Each failing site is logged once, at debug. An instrumentation module whose advice has failed
 * {@link #FAILURE_LIMIT} times is reported to the {@link FailureListener}, which switches the module
 * off: a module that keeps failing costs the application nothing more.
 */
public final class AdviceErrors {

  /** Failures after which a module is switched off. */
  public static final int FAILURE_LIMIT = 100;

  private static final int MAX_REPORTED_SITES = 10_000;
  private static final String MODULE_SEPARATOR = " at ";

  /** Told once per module when it reaches {@link #FAILURE_LIMIT}. */
  public interface FailureListener {
    void onRepeatedFailures(String moduleName, int failures, Throwable lastFailure);
  }

  private static final Set<String> reportedSites =
      Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());
  private static final ConcurrentMap<String, AtomicInteger> failuresByModule =
      new ConcurrentHashMap<>();
  private static volatile FailureListener listener;

  private AdviceErrors() {}

  public static void setFailureListener(FailureListener newListener) {
    listener = newListener;
  }

  /**
   * Never throws. {@code site} reads {@code "<module> at <class>#<method>"}, as the agent's
   * exception handler builds it.
   */
  public static void onAdviceError(Throwable error, String site) {
    try {
      if (reportedSites.size() < MAX_REPORTED_SITES && reportedSites.add(site)) {
        AgentLog.debug("advice failed at " + site + " (further failures here are not logged)", error);
      }
      int separator = site.indexOf(MODULE_SEPARATOR);
      String module = separator < 0 ? site : site.substring(0, separator);
      AtomicInteger failures = failuresByModule.get(module);
      if (failures == null) {
        AtomicInteger created = new AtomicInteger();
        failures = failuresByModule.putIfAbsent(module, created);
        if (failures == null) {
          failures = created;
        }
      }
      int count = failures.incrementAndGet();
      FailureListener current = listener;
      if (count == FAILURE_LIMIT && current != null) {
        current.onRepeatedFailures(module, count, error);
      }
    } catch (Throwable ignored) {
      // diagnostics must never become the failure
    }
  }
}
