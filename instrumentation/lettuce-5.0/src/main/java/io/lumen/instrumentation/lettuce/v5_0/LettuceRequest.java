package io.lumen.instrumentation.lettuce.v5_0;

import java.util.Collections;
import java.util.List;

/** One Redis command as Lettuce dispatched it: its name and its arguments, not yet masked. */
public final class LettuceRequest {

  private final String command;
  private final List<String> arguments;

  private LettuceRequest(String command, List<String> arguments) {
    this.command = command;
    this.arguments = arguments;
  }

  public static LettuceRequest of(String command, List<String> arguments) {
    return new LettuceRequest(command, Collections.unmodifiableList(arguments));
  }

  public String command() {
    return command;
  }

  public List<String> arguments() {
    return arguments;
  }
}
