/**
 * The agent part of the RabbitMQ instrumentation: advice on the client's {@code ChannelN}. Public
 * only because instrumented library classes call the advice; not for applications to use.
 */
package io.lumen.instrumentation.rabbitmq.v5_0.agent;
