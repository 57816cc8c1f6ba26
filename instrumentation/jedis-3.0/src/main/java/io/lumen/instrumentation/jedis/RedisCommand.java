package io.lumen.instrumentation.jedis;

import java.util.Collections;
import java.util.List;
import javax.annotation.Nullable;

/**
 * One Redis command as a client sent it: its name, its raw arguments (not yet masked) and the
 * server it went to. Immutable.
 */
public final class RedisCommand {

  private final String name;
  private final List<?> arguments;
  @Nullable private final String host;
  @Nullable private final Integer port;

  private RedisCommand(
      String name, List<?> arguments, @Nullable String host, @Nullable Integer port) {
    this.name = name;
    this.arguments = arguments;
    this.host = host;
    this.port = port;
  }

  /**
   * @param name the command, such as {@code SET}
   * @param arguments the arguments after the command, as {@code byte[]}, strings or numbers
   */
  public static RedisCommand of(
      String name, List<?> arguments, @Nullable String host, @Nullable Integer port) {
    return new RedisCommand(name, Collections.unmodifiableList(arguments), host, port);
  }

  public String name() {
    return name;
  }

  public List<?> arguments() {
    return arguments;
  }

  @Nullable
  public String host() {
    return host;
  }

  @Nullable
  public Integer port() {
    return port;
  }
}
