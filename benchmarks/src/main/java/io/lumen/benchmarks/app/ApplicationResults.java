package io.lumen.benchmarks.app;

import java.util.List;
import java.util.Map;

/**
 * The application benchmark's results.
 *
 * @param settings how it ran
 * @param endpoints the measured path templates, in order
 * @param profiles what each configuration instrumented, by configuration key
 * @param runs each configuration's runs, by configuration key, in round order
 */
public record ApplicationResults(
    ApplicationSettings settings,
    List<String> endpoints,
    Map<String, InstrumentationProfile> profiles,
    Map<String, List<RunMeasurement>> runs) {}
