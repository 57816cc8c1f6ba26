package io.lumen.smoketest.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * An application using Lettuce's sync, async and reactive APIs, compiled against the oldest
 * supported Lettuce: each interaction inside a {@code request} span whose {@code scenario}
 * attribute names it. Arguments: a Redis URI and a prefix for its keys.
 */
public final class LettuceApp {

  public static void main(String[] args) throws Exception {
    String prefix = args[1];
    Tracer tracer = GlobalOpenTelemetry.getTracer("lettuce-app");
    RedisClient client = RedisClient.create(args[0]);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      request(tracer, "sync", () -> {
        connection.sync().set(prefix + ":user", "s3cret-value");
        connection.sync().get(prefix + ":user");
      });
      request(tracer, "async", () -> {
        RedisFuture<String> set = connection.async().set(prefix + ":async", "async-value");
        set.get(10, TimeUnit.SECONDS);
      });
      request(tracer, "reactive", () -> {
        connection.reactive().set(prefix + ":reactive", "reactive-value").block();
      });
      request(tracer, "error", () -> {
        try {
          // HGET of a text value: the server answers with a WRONGTYPE error.
          connection.sync().hget(prefix + ":user", "field");
          throw new IllegalStateException("HGET of a text value succeeded");
        } catch (RedisCommandExecutionException expected) {
          // what the scenario is about
        }
      });
      connection.sync().del(prefix + ":user", prefix + ":async", prefix + ":reactive");
    } finally {
      client.shutdown();
    }
    System.out.println("DONE");
  }

  interface Body {
    void run() throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException;
  }

  private static void request(Tracer tracer, String scenario, Body body) throws Exception {
    Span span = tracer.spanBuilder("request").setAttribute("scenario", scenario).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      body.run();
    } finally {
      span.end();
    }
  }
}
