/**
 * The agent part of the Log4j appender instrumentation. Public only because instrumented Log4j
 * classes call the advice; not for applications (in library mode, use {@link
 * io.lumen.instrumentation.log4j.appender.v2_7.OpenTelemetryAppender}).
 */
package io.lumen.instrumentation.log4j.appender.v2_7.agent;
