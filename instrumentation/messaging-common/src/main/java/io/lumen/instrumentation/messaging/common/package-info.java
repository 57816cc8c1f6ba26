/**
 * What the Kafka, RabbitMQ and JMS instrumentations share and no library knows about: how their
 * instrumenters are built, how receive spans are recorded after the fact, and the agent's {@code
 * otel.instrumentation.messaging.*} settings. Used by instrumentation modules, not by applications.
 */
package io.lumen.instrumentation.messaging.common;
