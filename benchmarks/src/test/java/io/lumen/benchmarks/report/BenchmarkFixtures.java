package io.lumen.benchmarks.report;

import io.lumen.benchmarks.AgentUnderTest;
import io.lumen.benchmarks.app.ApplicationBenchmark;
import io.lumen.benchmarks.app.ApplicationResults;
import io.lumen.benchmarks.app.ApplicationSettings;
import io.lumen.benchmarks.app.EndpointMeasurement;
import io.lumen.benchmarks.app.InstrumentationProfile;
import io.lumen.benchmarks.app.InstrumentationProfile.EndpointProfile;
import io.lumen.benchmarks.app.RunMeasurement;
import io.lumen.benchmarks.jmh.MicroResult;
import io.lumen.benchmarks.load.LoadResult;
import io.lumen.benchmarks.stats.Summary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Made-up results with chosen figures, for checking what the report concludes from them. */
final class BenchmarkFixtures {

  static final String JDBC = ApplicationBenchmark.JDBC_ENDPOINT;
  static final String PROFILE = ApplicationBenchmark.PROFILE_ENDPOINT;

  private final Map<String, List<RunMeasurement>> runs = new LinkedHashMap<>();
  private final Map<String, InstrumentationProfile> profiles = new LinkedHashMap<>();

  BenchmarkFixtures() {
    for (String agent : List.of(AgentUnderTest.NONE, AgentUnderTest.OFFICIAL, AgentUnderTest.LUMEN)) {
      runs.put(agent, new ArrayList<>());
      profile(agent, agent.equals(AgentUnderTest.NONE) ? 0 : 2);
    }
  }

  /** Adds a run: start-up, JDBC endpoint throughput and p99, allocation per request, peak RSS. */
  BenchmarkFixtures run(
      String agent,
      double startupMillis,
      double jdbcThroughput,
      double jdbcP99Millis,
      double allocatedBytesPerRequest,
      long peakRssMegabytes,
      long spansExpected,
      long spansReceived) {
    Map<String, EndpointMeasurement> endpoints = new LinkedHashMap<>();
    endpoints.put(
        JDBC,
        new EndpointMeasurement(
            new LoadResult(
                JDBC,
                Math.round(jdbcThroughput * 10),
                0,
                0,
                10,
                500,
                Math.round(jdbcP99Millis * 1000),
                90_000),
            300,
            allocatedBytesPerRequest));
    endpoints.put(
        PROFILE,
        new EndpointMeasurement(
            new LoadResult(PROFILE, 5_000, 0, 0, 10, 1500, 6000, 90_000),
            900,
            allocatedBytesPerRequest * 3));
    List<RunMeasurement> agentRuns = runs.get(agent);
    agentRuns.add(
        new RunMeasurement(
            agent,
            agentRuns.size() + 1,
            startupMillis,
            agent.equals(AgentUnderTest.LUMEN) ? 400 : Double.NaN,
            startupMillis / 1000 - 0.5,
            endpoints,
            40,
            peakRssMegabytes * 1024,
            60 * 1024,
            20_000,
            spansExpected,
            spansReceived,
            0,
            true));
    return this;
  }

  BenchmarkFixtures profile(String agent, double spansPerRequest) {
    EndpointProfile endpoint =
        new EndpointProfile(spansPerRequest, spansPerRequest > 0 ? 1 : 0, 0, List.of());
    profiles.put(
        agent,
        new InstrumentationProfile(
            agent, 0, Map.of(JDBC, endpoint, PROFILE, endpoint), List.of("http.server.request.duration"), ""));
    return this;
  }

  ApplicationResults results() {
    ApplicationSettings settings =
        new ApplicationSettings(
            Path.of("java"),
            Path.of("app.jar"),
            ApplicationSettings.DEFAULT_JVM_OPTIONS,
            runs.get(AgentUnderTest.NONE).size(),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            8,
            5,
            Path.of("work"));
    return new ApplicationResults(settings, ApplicationBenchmark.ENDPOINTS, profiles, runs);
  }

  Comparison comparison() {
    return new Comparison(Figure.application(ApplicationBenchmark.ENDPOINTS), runs);
  }

  static MicroResult classDefinition(String agent, double nanos) {
    return new MicroResult(
        "ClassDefinitionBenchmark",
        agent,
        Summary.of(nanos * 0.95, nanos, nanos * 1.05),
        Summary.of(900, 900, 900),
        Map.of("invocations", 1000L),
        0,
        0);
  }
}
