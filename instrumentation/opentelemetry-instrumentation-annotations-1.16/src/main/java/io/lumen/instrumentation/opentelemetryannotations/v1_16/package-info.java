/**
 * The agent's support of the application's {@code @WithSpan}. Public classes here are advice and
 * what it calls, public only because instrumented application classes call them.
 */
package io.lumen.instrumentation.opentelemetryannotations.v1_16;
