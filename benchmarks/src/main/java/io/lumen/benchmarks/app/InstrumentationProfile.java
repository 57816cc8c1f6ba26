package io.lumen.benchmarks.app;

import java.util.List;
import java.util.Map;

/**
 * What one configuration instrumented in the application, observed at low load before the
 * measured rounds: the telemetry each request produces. Without it a comparison could praise an
 * agent for being cheap when it simply records less.
 *
 * @param agent the configuration's key
 * @param startupSpans spans produced before the first request (for example SQL run at start-up)
 * @param endpoints by path template
 * @param metricNames the metrics the launch exported (at the latest when it shut down), sorted
 * @param agentStartupDetail the agent's own start-up breakdown (Lumen's debug line), or empty
 */
public record InstrumentationProfile(
    String agent,
    double startupSpans,
    Map<String, EndpointProfile> endpoints,
    List<String> metricNames,
    String agentStartupDetail) {

  /** The spans per request of {@code path}; 0 if it was not observed. */
  public double spansPerRequest(String path) {
    EndpointProfile profile = endpoints.get(path);
    return profile == null ? 0 : profile.spansPerRequest();
  }

  /**
   * What one request to an endpoint produced, averaged over a few sequential requests.
   *
   * @param spansPerRequest spans per request
   * @param tracesPerRequest distinct traces per request: 1 when the agent joined everything a
   *     request did into one trace
   * @param logRecordsPerRequest log records per request
   * @param spans each distinct span as {@code KIND name}, with how many per request
   */
  public record EndpointProfile(
      double spansPerRequest,
      double tracesPerRequest,
      double logRecordsPerRequest,
      List<String> spans) {}
}
