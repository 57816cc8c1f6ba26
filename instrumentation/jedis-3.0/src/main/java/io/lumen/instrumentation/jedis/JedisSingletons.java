package io.lumen.instrumentation.jedis;

import io.lumen.agent.extension.AgentConfig;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import javax.annotation.Nullable;

/**
 * The agent's instrumenter of Jedis commands, shared by the advice of every Jedis version (it
 * references no Jedis type, so it lives once in the agent). Sanitization follows {@code
 * otel.instrumentation.jedis.statement-sanitizer.enabled}, defaulting to {@code
 * otel.instrumentation.common.db-statement-sanitizer.enabled}, itself true.
 */
public final class JedisSingletons {

  private static final Instrumenter<RedisCommand, Void> COMMANDS;

  static {
    ConfigProperties config = AgentConfig.get();
    boolean sanitize =
        config.getBoolean(
            "otel.instrumentation.jedis.statement-sanitizer.enabled",
            config.getBoolean("otel.instrumentation.common.db-statement-sanitizer.enabled", true));
    COMMANDS = JedisInstrumenters.create(GlobalOpenTelemetry.get(), sanitize);
  }

  private JedisSingletons() {}

  /**
   * Starts the span of {@code command} and makes it current, or returns null when it must not
   * start (nested in another Redis command, or the instrumentation is off).
   */
  @Nullable
  public static Object[] start(RedisCommand command) {
    Context parent = Context.current();
    if (!COMMANDS.shouldStart(parent, command)) {
      return null;
    }
    Context context = COMMANDS.start(parent, command);
    return new Object[] {command, context, context.makeCurrent()};
  }

  /** Ends what {@link #start} returned; {@code error} is what the command threw, if anything. */
  public static void end(@Nullable Object[] call, @Nullable Throwable error) {
    if (call == null) {
      return;
    }
    ((Scope) call[2]).close();
    COMMANDS.end((Context) call[1], (RedisCommand) call[0], null, error);
  }
}
