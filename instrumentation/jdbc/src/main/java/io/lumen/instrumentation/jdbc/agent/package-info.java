/**
 * The agent part of the JDBC instrumentation. Public classes here are advice, public only because
 * instrumented driver classes call them; in library mode use {@link
 * io.lumen.instrumentation.jdbc.JdbcTelemetry}.
 */
package io.lumen.instrumentation.jdbc.agent;
