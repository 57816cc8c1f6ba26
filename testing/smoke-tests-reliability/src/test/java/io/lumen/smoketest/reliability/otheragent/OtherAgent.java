package io.lumen.smoketest.reliability.otheragent;

import static net.bytebuddy.matcher.ElementMatchers.named;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Another java agent, as a vendor's or an in-house one might be: its own (unrelocated) Byte Buddy,
 * its own premain, advice inlined into {@code GreetingApp.Greeter#greet} that prints {@value
 * #MARKER}. Packed into a jar at test time.
 */
public final class OtherAgent {

  public static final String MARKER = "OTHER-AGENT-MARKER";

  private OtherAgent() {}

  public static void premain(String arguments, Instrumentation instrumentation) {
    new AgentBuilder.Default()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .type(named("io.lumen.smoketest.reliability.apps.GreetingApp$Greeter"))
        .transform(
            (builder, type, classLoader, module, protectionDomain) ->
                builder.visit(Advice.to(MarkerAdvice.class).on(named("greet"))))
        .installOn(instrumentation);
    System.out.println("other agent installed");
  }
}
