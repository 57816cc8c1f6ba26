/**
 * The agent part of the JDK HTTP server instrumentation: it adds the library's filter to every
 * context a server creates. Public only because instrumented JDK classes call the advice; not for
 * applications to use (in library mode, use {@link
 * io.lumen.instrumentation.javahttpserver.JavaHttpServerTelemetry}).
 */
package io.lumen.instrumentation.javahttpserver.agent;
