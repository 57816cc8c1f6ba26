package io.lumen.instrumentation.jedis;

import io.opentelemetry.instrumentation.api.incubator.semconv.db.DbClientAttributesGetter;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.RedisCommandSanitizer;
import io.opentelemetry.semconv.incubating.DbIncubatingAttributes.DbSystemNameIncubatingValues;
import javax.annotation.Nullable;

/**
 * The database attributes of a Redis command: the command is the operation, and the query text is
 * the command line with argument values masked (keys stay) unless sanitization is off.
 */
final class RedisCommandAttributesGetter implements DbClientAttributesGetter<RedisCommand, Void> {

  private final RedisCommandSanitizer sanitizer;

  RedisCommandAttributesGetter(boolean sanitize) {
    this.sanitizer = RedisCommandSanitizer.create(sanitize);
  }

  @Override
  public String getDbSystemName(RedisCommand command) {
    return DbSystemNameIncubatingValues.REDIS;
  }

  @Deprecated
  @Override
  public String getDbSystem(RedisCommand command) {
    return DbSystemNameIncubatingValues.REDIS;
  }

  @Nullable
  @Override
  public String getDbNamespace(RedisCommand command) {
    return null;
  }

  @Override
  public String getDbQueryText(RedisCommand command) {
    return sanitizer.sanitize(command.name(), command.arguments());
  }

  @Override
  public String getDbOperationName(RedisCommand command) {
    return command.name();
  }

  @Nullable
  @Override
  public String getServerAddress(RedisCommand command) {
    return command.host();
  }

  @Nullable
  @Override
  public Integer getServerPort(RedisCommand command) {
    return command.port();
  }
}
