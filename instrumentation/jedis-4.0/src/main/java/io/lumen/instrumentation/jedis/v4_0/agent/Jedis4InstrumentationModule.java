package io.lumen.instrumentation.jedis.v4_0.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * A CLIENT span per command of Jedis 4.x and 5.x, whose commands are {@code CommandObject}s
 * executed (or, in pipelines and transactions, sent) by a {@code Connection}. Enabled by {@code
 * otel.instrumentation.jedis.enabled} (or {@code jedis-4.0}).
 */
public final class Jedis4InstrumentationModule extends InstrumentationModule {

  public Jedis4InstrumentationModule() {
    super("jedis-4.0", "jedis");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed("redis.clients.jedis.CommandObject");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new ConnectionInstrumentation());
  }
}
