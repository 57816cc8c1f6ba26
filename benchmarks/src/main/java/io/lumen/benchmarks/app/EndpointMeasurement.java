package io.lumen.benchmarks.app;

import io.lumen.benchmarks.load.LoadResult;

/**
 * One endpoint's measured phase in one run.
 *
 * @param load what the load generator saw: throughput and latency
 * @param cpuMicrosPerRequest the application's CPU time (all its threads, the agent's included)
 *     over the phase, divided by the responses
 * @param allocatedBytesPerRequest bytes allocated by all the application's threads over the
 *     phase, divided by the responses
 */
public record EndpointMeasurement(
    LoadResult load, double cpuMicrosPerRequest, double allocatedBytesPerRequest) {}
