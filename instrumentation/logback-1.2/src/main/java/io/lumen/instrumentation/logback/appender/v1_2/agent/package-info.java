/**
 * The agent part of the logback appender instrumentation. Public only because instrumented logback
 * classes call the advice; not for applications (in library mode, use {@link
 * io.lumen.instrumentation.logback.appender.v1_2.OpenTelemetryAppender}).
 */
package io.lumen.instrumentation.logback.appender.v1_2.agent;
