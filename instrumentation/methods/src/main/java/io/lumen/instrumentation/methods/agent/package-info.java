/**
 * The agent part of the methods instrumentation. Public only because instrumented application
 * classes call the advice; not for applications to use.
 */
package io.lumen.instrumentation.methods.agent;
