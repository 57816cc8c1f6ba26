/**
 * Method spans, shared by the methods and the annotations instrumentations. Internal to the agent:
 * applications create spans with the OpenTelemetry API or {@code @WithSpan}.
 */
package io.lumen.instrumentation.methods;
