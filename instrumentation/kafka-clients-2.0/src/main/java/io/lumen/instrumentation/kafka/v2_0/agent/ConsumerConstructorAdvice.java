package io.lumen.instrumentation.kafka.v2_0.agent;

import io.lumen.instrumentation.kafka.common.ConsumerInfo;
import net.bytebuddy.asm.Advice;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** Remembers the consumer's group and client id, which its records do not carry. */
public final class ConsumerConstructorAdvice {

  private ConsumerConstructorAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void onExit(
      @Advice.This Consumer<?, ?> consumer, @Advice.Argument(0) ConsumerConfig config) {
    // The keys, not ConsumerConfig's constants: those are inlined at compile time anyway.
    KafkaSingletons.CONSUMERS.set(
        consumer, ConsumerInfo.create(config.getString("group.id"), config.getString("client.id")));
  }
}
