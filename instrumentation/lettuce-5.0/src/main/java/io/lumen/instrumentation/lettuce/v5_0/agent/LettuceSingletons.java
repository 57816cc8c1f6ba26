package io.lumen.instrumentation.lettuce.v5_0.agent;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.RedisCommand;
import io.lumen.agent.extension.AgentConfig;
import io.lumen.instrumentation.lettuce.v5_0.LettuceCommandStrings;
import io.lumen.instrumentation.lettuce.v5_0.LettuceInstrumenters;
import io.lumen.instrumentation.lettuce.v5_0.LettuceRequest;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.util.VirtualField;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.Collections;
import javax.annotation.Nullable;

/**
 * The agent's instrumenter of Lettuce commands, and the span each dispatched command carries until
 * it completes (weakly, keyed by the command). Sanitization follows {@code
 * otel.instrumentation.lettuce.statement-sanitizer.enabled}, defaulting to {@code
 * otel.instrumentation.common.db-statement-sanitizer.enabled}, itself true.
 */
public final class LettuceSingletons {

  private static final Instrumenter<LettuceRequest, Void> COMMANDS;

  @SuppressWarnings("rawtypes")
  private static final VirtualField<RedisCommand, CommandSpan> SPANS =
      VirtualField.find(RedisCommand.class, CommandSpan.class);

  static {
    ConfigProperties config = AgentConfig.get();
    boolean sanitize =
        config.getBoolean(
            "otel.instrumentation.lettuce.statement-sanitizer.enabled",
            config.getBoolean("otel.instrumentation.common.db-statement-sanitizer.enabled", true));
    COMMANDS = LettuceInstrumenters.create(GlobalOpenTelemetry.get(), sanitize);
  }

  private LettuceSingletons() {}

  /**
   * Starts the span of a dispatched command and makes it current for the rest of the dispatch (so
   * that a connection delegating to another dispatches no second span); null if none starts.
   */
  @Nullable
  static Scope dispatch(RedisCommand<?, ?, ?> command) {
    if (SPANS.get(command) != null) {
      return null;
    }
    CommandArgs<?, ?> args = command.getArgs();
    LettuceRequest request =
        LettuceRequest.of(
            command.getType().name(),
            args == null
                ? Collections.<String>emptyList()
                : LettuceCommandStrings.arguments(args));
    Context parent = Context.current();
    if (!COMMANDS.shouldStart(parent, request)) {
      return null;
    }
    Context context = COMMANDS.start(parent, request);
    SPANS.set(command, new CommandSpan(request, context));
    return context.makeCurrent();
  }

  /** Ends the span of a command that completed; a Redis error reply marks it failed. */
  static void completed(RedisCommand<?, ?, ?> command) {
    CommandSpan span = take(command);
    if (span == null) {
      return;
    }
    String error = command.getOutput() == null ? null : command.getOutput().getError();
    span.end(error == null ? null : new RedisCommandExecutionException(error));
  }

  /** Ends the span of a command that failed, or (error null) was cancelled. */
  static void failed(RedisCommand<?, ?, ?> command, @Nullable Throwable error) {
    CommandSpan span = take(command);
    if (span != null) {
      span.end(error);
    }
  }

  @Nullable
  private static CommandSpan take(RedisCommand<?, ?, ?> command) {
    CommandSpan span = SPANS.get(command);
    if (span != null) {
      SPANS.set(command, null);
    }
    return span;
  }

  /** A started span and what ends it. */
  static final class CommandSpan {
    private final LettuceRequest request;
    private final Context context;

    CommandSpan(LettuceRequest request, Context context) {
      this.request = request;
      this.context = context;
    }

    void end(@Nullable Throwable error) {
      COMMANDS.end(context, request, null, error);
    }
  }
}
