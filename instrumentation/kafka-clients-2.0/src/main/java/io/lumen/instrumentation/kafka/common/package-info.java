/**
 * What the Kafka client's instrumentation shares with instrumentations of frameworks built on it
 * (Spring Kafka): the state one attaches to the client's objects or to the context and the other
 * reads. Unlike the module packages ({@code ...kafka.v2_0}), which are defined once per application
 * class loader and per module, these classes are loaded once, by the agent's class loader, so every
 * module sees the same types and the same context keys. For that they reference no Kafka class.
 * Used by instrumentation modules, not by applications.
 */
@ParametersAreNonnullByDefault
package io.lumen.instrumentation.kafka.common;

import javax.annotation.ParametersAreNonnullByDefault;
