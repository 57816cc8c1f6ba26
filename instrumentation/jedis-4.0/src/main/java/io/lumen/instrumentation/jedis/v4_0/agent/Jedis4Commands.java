package io.lumen.instrumentation.jedis.v4_0.agent;

import io.lumen.instrumentation.jedis.RedisCommand;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.DefaultJedisSocketFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.args.Rawable;

/** Reads a Jedis 4 command line, and the server it goes to, into a {@link RedisCommand}. */
final class Jedis4Commands {

  private Jedis4Commands() {}

  static RedisCommand of(CommandArguments arguments, JedisSocketFactory socketFactory) {
    Iterator<Rawable> raw = arguments.iterator();
    // The first element is the command itself.
    String name = new String(raw.next().getRaw(), StandardCharsets.UTF_8);
    List<Object> values = new ArrayList<>(arguments.size() - 1);
    while (raw.hasNext()) {
      values.add(raw.next().getRaw());
    }
    // Sentinel and cluster factories resolve their server later; only the default one knows it now.
    HostAndPort server =
        socketFactory instanceof DefaultJedisSocketFactory
            ? ((DefaultJedisSocketFactory) socketFactory).getHostAndPort()
            : null;
    return RedisCommand.of(
        name,
        values,
        server == null ? null : server.getHost(),
        server == null ? null : server.getPort());
  }
}
