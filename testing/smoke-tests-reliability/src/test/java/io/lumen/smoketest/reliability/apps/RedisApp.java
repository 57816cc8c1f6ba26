package io.lumen.smoketest.reliability.apps;

import redis.clients.jedis.Jedis;

/** Stores and reads a secret in Redis (127.0.0.1:6379), then prints {@code DONE} and exits. */
public final class RedisApp {

  public static final String SECRET = "redis-SECRET-value";

  private RedisApp() {}

  public static void main(String[] args) {
    try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
      jedis.set("lumen:reliability:password", SECRET);
      String read = jedis.get("lumen:reliability:password");
      jedis.del("lumen:reliability:password");
      System.out.println(SECRET.equals(read) ? "DONE" : "WRONG " + read);
    }
  }
}
