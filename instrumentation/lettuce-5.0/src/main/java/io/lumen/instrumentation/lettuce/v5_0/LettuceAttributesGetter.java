package io.lumen.instrumentation.lettuce.v5_0;

import io.opentelemetry.instrumentation.api.incubator.semconv.db.DbClientAttributesGetter;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.RedisCommandSanitizer;
import io.opentelemetry.semconv.incubating.DbIncubatingAttributes.DbSystemNameIncubatingValues;
import javax.annotation.Nullable;

/**
 * The database attributes of a Lettuce command: the command is the operation, and the query text
 * the command line with argument values masked (keys stay) unless sanitization is off.
 */
final class LettuceAttributesGetter implements DbClientAttributesGetter<LettuceRequest, Void> {

  private final RedisCommandSanitizer sanitizer;

  LettuceAttributesGetter(boolean sanitize) {
    this.sanitizer = RedisCommandSanitizer.create(sanitize);
  }

  @Override
  public String getDbSystemName(LettuceRequest request) {
    return DbSystemNameIncubatingValues.REDIS;
  }

  @Deprecated
  @Override
  public String getDbSystem(LettuceRequest request) {
    return DbSystemNameIncubatingValues.REDIS;
  }

  @Nullable
  @Override
  public String getDbNamespace(LettuceRequest request) {
    return null;
  }

  @Override
  public String getDbQueryText(LettuceRequest request) {
    return sanitizer.sanitize(request.command(), request.arguments());
  }

  @Override
  public String getDbOperationName(LettuceRequest request) {
    return request.command();
  }
}
