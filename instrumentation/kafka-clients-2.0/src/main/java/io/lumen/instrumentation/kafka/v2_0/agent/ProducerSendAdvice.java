package io.lumen.instrumentation.kafka.v2_0.agent;

import io.lumen.instrumentation.kafka.v2_0.KafkaTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Starts the send span, writes its context into the record's headers and hands the producer a
 * callback that ends the span when the broker answers. The span is current during {@code send}, so
 * serializers and interceptors see it.
 */
public final class ProducerSendAdvice {

  private ProducerSendAdvice() {}

  /** Returns {callback to use, scope}; only the first element when there is no span. */
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(
      @Advice.AssignReturned.ToArguments.ToArgument(
          value = 1,
          index = 0,
          typing = Assigner.Typing.DYNAMIC))
  public static Object[] onEnter(
      @Advice.Argument(0) ProducerRecord<?, ?> record, @Advice.Argument(1) Callback callback) {
    KafkaTelemetry telemetry = KafkaSingletons.telemetry();
    Context parentContext = Context.current();
    Context context = telemetry.startSend(parentContext, record);
    if (context == null) {
      return new Object[] {callback};
    }
    Callback completion = telemetry.endSendOnCompletion(context, parentContext, record, callback);
    return new Object[] {completion, context.makeCurrent()};
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(@Advice.Enter Object[] state, @Advice.Thrown Throwable error) {
    if (state == null || state.length < 2) {
      return;
    }
    ((Scope) state[1]).close();
    if (error != null) {
      KafkaTelemetry.sendFailed((Callback) state[0], error);
    }
  }
}
