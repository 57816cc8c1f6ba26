package io.lumen.benchmarks.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the application benchmark runs.
 *
 * @param java the {@code java} executable for the application (and {@code jcmd} beside it)
 * @param appJar the Spring Boot application's executable jar
 * @param jvmOptions options of the application's JVM, the same for every configuration
 * @param rounds how many times each configuration is launched and measured
 * @param warmUp load per endpoint before measuring (JIT compilation, pools, caches)
 * @param measure load per endpoint that is measured
 * @param connections concurrent connections of the closed-loop load
 * @param calibrationRequests sequential requests per endpoint for the {@link
 *     InstrumentationProfile}
 * @param workDirectory logs of each launch and temporary recordings
 */
public record ApplicationSettings(
    Path java,
    Path appJar,
    List<String> jvmOptions,
    int rounds,
    Duration warmUp,
    Duration measure,
    int connections,
    int calibrationRequests,
    Path workDirectory) {

  /** The JVM options every configuration gets: a fixed heap limit and collector. */
  public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseG1GC");
}
