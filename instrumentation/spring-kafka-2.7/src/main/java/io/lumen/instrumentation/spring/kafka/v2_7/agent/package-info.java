/**
 * The agent part of the Spring Kafka instrumentation: advice on the listener container's {@code
 * ListenerConsumer}. Public only because instrumented library classes call the advice; not for
 * applications to use.
 */
package io.lumen.instrumentation.spring.kafka.v2_7.agent;
