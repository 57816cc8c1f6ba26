/**
 * The agent part of the JDK HTTP client instrumentation: advice on the JDK's client. Public only
 * because instrumented JDK classes call the advice; not for applications to use (in library mode,
 * use {@link io.lumen.instrumentation.javahttpclient.JavaHttpClientTelemetry}).
 */
package io.lumen.instrumentation.javahttpclient.agent;
