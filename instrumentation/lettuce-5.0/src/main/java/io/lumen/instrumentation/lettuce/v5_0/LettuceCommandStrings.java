package io.lumen.instrumentation.lettuce.v5_0;

import io.lettuce.core.protocol.CommandArgs;
import java.util.List;

/** The arguments of a Lettuce command, as text. */
public final class LettuceCommandStrings {

  private LettuceCommandStrings() {}

  /** Each argument after the command, keys and values decoded by the connection's codec. */
  public static List<String> arguments(CommandArgs<?, ?> args) {
    return LettuceArguments.split(args.toCommandString());
  }
}
