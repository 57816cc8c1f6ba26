/**
 * The agent part of the java.util.logging instrumentation. Public only because instrumented JDK
 * classes call the advice; not for applications (in library mode, use {@link
 * io.lumen.instrumentation.jul.OpenTelemetryHandler}).
 */
package io.lumen.instrumentation.jul.agent;
