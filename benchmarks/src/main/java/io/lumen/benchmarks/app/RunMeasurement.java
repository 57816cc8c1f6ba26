package io.lumen.benchmarks.app;

import java.util.Map;

/**
 * Everything measured in one run: one launch of the application with one configuration.
 *
 * @param agent the configuration's key
 * @param round which round (1-based)
 * @param startupMillis from launching the JVM to the first 200 response
 * @param agentStartMillis what the agent reported as its own start-up time (Lumen's "started in"
 *     line), or NaN when it reports none
 * @param springStartSeconds the JVM's uptime when Spring Boot reported the application started
 *     (its "process running for" figure), or NaN
 * @param endpoints by path template, in the order they were measured
 * @param threads the process's threads after the warm-up, before any diagnostic command attached
 * @param peakRssKilobytes the resident memory's high-water mark after the load ({@code VmHWM})
 * @param heapUsedKilobytes the heap in use after the load and a full collection
 * @param responses every response the application sent in the run (start-up polling, warm-up and
 *     measured phases)
 * @param spansExpected the spans the agent should have produced for those responses, from the
 *     configuration's {@link InstrumentationProfile}
 * @param spansReceived the spans that reached the receiver by the time the application had exited
 * @param logRecordsReceived log records that reached the receiver
 * @param exitedCleanly whether the application exited within the grace period after SIGTERM
 */
public record RunMeasurement(
    String agent,
    int round,
    double startupMillis,
    double agentStartMillis,
    double springStartSeconds,
    Map<String, EndpointMeasurement> endpoints,
    int threads,
    long peakRssKilobytes,
    long heapUsedKilobytes,
    long responses,
    double spansExpected,
    long spansReceived,
    long logRecordsReceived,
    boolean exitedCleanly) {}
