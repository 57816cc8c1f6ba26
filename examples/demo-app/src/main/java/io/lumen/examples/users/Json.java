package io.lumen.examples.users;

import java.util.List;
import java.util.stream.Collectors;

/** The little JSON this service writes; enough that it needs no library. */
final class Json {

  static String string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  static String users(List<User> users) {
    return users.stream().map(User::toJson).collect(Collectors.joining(",", "[", "]"));
  }

  static String error(String message) {
    return "{\"error\":" + string(message) + "}";
  }

  private Json() {}
}
