package io.lumen.instrumentation.lettuce.v5_0;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Lettuce's {@code CommandArgs.toCommandString()}, where keys and values appear as {@code
 * key<...>} and {@code value<...>} (and may hold spaces) and other arguments bare.
 */
final class LettuceArguments {

  private static final String[] WRAPPERS = {"key<", "value<"};

  private LettuceArguments() {}

  static List<String> split(String commandString) {
    List<String> arguments = new ArrayList<>();
    int position = 0;
    int length = commandString.length();
    while (position < length) {
      if (commandString.charAt(position) == ' ') {
        position++;
        continue;
      }
      String wrapper = wrapperAt(commandString, position);
      if (wrapper != null) {
        int start = position + wrapper.length();
        // The wrapped text ends at the '>' before the next space (or the end).
        int end = commandString.indexOf("> ", start);
        if (end < 0) {
          end = commandString.endsWith(">") ? length - 1 : length;
        }
        arguments.add(commandString.substring(start, Math.max(start, end)));
        position = Math.min(length, end + 1);
      } else {
        int end = commandString.indexOf(' ', position);
        if (end < 0) {
          end = length;
        }
        arguments.add(commandString.substring(position, end));
        position = end;
      }
    }
    return arguments;
  }

  private static String wrapperAt(String commandString, int position) {
    for (String wrapper : WRAPPERS) {
      if (commandString.startsWith(wrapper, position)) {
        return wrapper;
      }
    }
    return null;
  }
}
