/**
 * The agent part of the logback MDC correlation. Public only because instrumented logback classes
 * call the advice; not for applications.
 */
package io.lumen.instrumentation.logback.mdc.v1_2.agent;
