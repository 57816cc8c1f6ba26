package io.lumen.smoketest.redis;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * An application using Jedis, compiled against the oldest supported Jedis: each interaction inside
 * a {@code request} span whose {@code scenario} attribute names it. Arguments: Redis host, port,
 * and a prefix for its keys.
 */
public final class JedisApp {

  public static void main(String[] args) throws Exception {
    String prefix = args[2];
    Tracer tracer = GlobalOpenTelemetry.getTracer("jedis-app");
    try (Jedis jedis = new Jedis(args[0], Integer.parseInt(args[1]))) {
      request(tracer, "set-get", () -> {
        jedis.set(prefix + ":user", "s3cret-value");
        jedis.get(prefix + ":user");
      });
      request(tracer, "pipeline", () -> {
        Pipeline pipeline = jedis.pipelined();
        pipeline.set(prefix + ":a", "pipelined-a");
        pipeline.incr(prefix + ":counter");
        pipeline.sync();
      });
      request(tracer, "error", () -> {
        try {
          // HGET of a text value: the server answers with a WRONGTYPE error.
          jedis.hget(prefix + ":user", "field");
          throw new IllegalStateException("HGET of a text value succeeded");
        } catch (JedisDataException expected) {
          // what the scenario is about
        }
      });
      // Pipelined, because Jedis 4 changed what DEL returns from Long to long, and so its
      // signature, where Response<Long> stayed.
      Pipeline cleanup = jedis.pipelined();
      cleanup.del(prefix + ":user", prefix + ":a", prefix + ":counter");
      cleanup.sync();
    }
    System.out.println("DONE");
  }

  private static void request(Tracer tracer, String scenario, Runnable body) {
    Span span = tracer.spanBuilder("request").setAttribute("scenario", scenario).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      body.run();
    } finally {
      span.end();
    }
  }
}
