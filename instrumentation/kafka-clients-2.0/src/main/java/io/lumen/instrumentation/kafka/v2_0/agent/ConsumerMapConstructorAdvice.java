package io.lumen.instrumentation.kafka.v2_0.agent;

import io.lumen.instrumentation.kafka.common.ConsumerInfo;
import java.util.Map;
import net.bytebuddy.asm.Advice;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * Remembers the consumer's group and client id where the client has no constructor taking the
 * parsed {@code ConsumerConfig} (the 2.7 line builds it inside the {@code Map} constructor every
 * other one delegates to): from the configuration map. Where a {@code ConsumerConfig} constructor
 * runs inside this one, what it recorded stays.
 */
public final class ConsumerMapConstructorAdvice {

  private ConsumerMapConstructorAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void onExit(
      @Advice.This Consumer<?, ?> consumer, @Advice.Argument(0) Map<String, Object> configs) {
    if (configs == null || KafkaSingletons.CONSUMERS.get(consumer) != null) {
      return;
    }
    Object groupId = configs.get("group.id");
    Object clientId = configs.get("client.id");
    KafkaSingletons.CONSUMERS.set(
        consumer,
        ConsumerInfo.create(
            groupId == null ? null : groupId.toString(),
            clientId == null ? null : clientId.toString()));
  }
}
