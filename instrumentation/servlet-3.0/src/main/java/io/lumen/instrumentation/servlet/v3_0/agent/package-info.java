/**
 * The agent part of the {@code javax.servlet} instrumentation (relocated, of the {@code
 * jakarta.servlet} one): advice on every filter and servlet entry. Public only because instrumented
 * classes call the advice; not for applications to use (in library mode, use {@link
 * io.lumen.instrumentation.servlet.v3_0.ServletTelemetry}).
 */
package io.lumen.instrumentation.servlet.v3_0.agent;
