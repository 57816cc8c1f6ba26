/**
 * The agent part of the Kafka client instrumentation: advice on {@code KafkaProducer}, {@code
 * KafkaConsumer} and {@code ConsumerRecords}. Public only because instrumented library classes call
 * the advice; not for applications to use.
 */
package io.lumen.instrumentation.kafka.v2_0.agent;
