/**
 * The agent part of the JBoss LogManager MDC correlation. Public only because instrumented JBoss
 * LogManager classes call the advice; not for applications.
 */
package io.lumen.instrumentation.jbosslogmanager.mdc.v2_1.agent;
