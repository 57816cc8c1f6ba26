/**
 * The agent part of the Log4j context-data correlation. Public only because instrumented Log4j
 * classes call the advice; not for applications.
 */
package io.lumen.instrumentation.log4j.contextdata.v2_7.agent;
