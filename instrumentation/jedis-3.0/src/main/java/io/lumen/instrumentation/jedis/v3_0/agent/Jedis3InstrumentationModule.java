package io.lumen.instrumentation.jedis.v3_0.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * A CLIENT span per command of Jedis 3.x, where every command, pipelined or not, goes through
 * {@code Connection.sendCommand(ProtocolCommand, byte[]...)}. Enabled by {@code
 * otel.instrumentation.jedis.enabled} (or {@code jedis-3.0}).
 */
public final class Jedis3InstrumentationModule extends InstrumentationModule {

  public Jedis3InstrumentationModule() {
    super("jedis-3.0", "jedis");
  }

  /** Jedis 3.x: Jedis 4 introduced {@code CommandObject}, and the 4.0 module takes over there. */
  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed("redis.clients.jedis.commands.ProtocolCommand")
        .and(not(hasClassesNamed("redis.clients.jedis.CommandObject")));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new ConnectionInstrumentation());
  }
}
