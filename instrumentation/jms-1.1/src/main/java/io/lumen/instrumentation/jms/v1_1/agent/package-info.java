/**
 * The agent part of the JMS instrumentation: advice on the provider's producers, consumers and
 * listeners. Public only because instrumented classes call the advice; not for applications to use.
 */
package io.lumen.instrumentation.jms.v1_1.agent;
