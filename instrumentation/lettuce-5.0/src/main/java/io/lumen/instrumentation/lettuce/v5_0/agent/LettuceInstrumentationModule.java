package io.lumen.instrumentation.lettuce.v5_0.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * A CLIENT span per command of Lettuce 5.x and 6.x. The sync API is a proxy over the async one, and
 * the reactive one dispatches when subscribed, so every command passes through a connection's
 * {@code dispatch}: the span starts there, in the caller's context, and ends when the command
 * completes. Enabled by {@code otel.instrumentation.lettuce.enabled} (or {@code lettuce-5.0}).
 */
public final class LettuceInstrumentationModule extends InstrumentationModule {

  public LettuceInstrumentationModule() {
    super("lettuce-5.0", "lettuce");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed("io.lettuce.core.RedisChannelHandler");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new ChannelHandlerInstrumentation(), new CommandInstrumentation());
  }
}
