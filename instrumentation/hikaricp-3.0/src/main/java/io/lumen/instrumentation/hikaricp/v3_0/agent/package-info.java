/**
 * The agent part of the HikariCP instrumentation. Public only because instrumented pool classes
 * call the advice; in library mode use {@link io.lumen.instrumentation.hikaricp.v3_0.HikariTelemetry}.
 */
package io.lumen.instrumentation.hikaricp.v3_0.agent;
