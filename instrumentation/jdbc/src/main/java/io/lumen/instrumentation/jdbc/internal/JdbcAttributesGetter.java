package io.lumen.instrumentation.jdbc.internal;

import io.opentelemetry.instrumentation.api.incubator.semconv.db.SqlClientAttributesGetter;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.SqlDialect;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.annotation.Nullable;

/**
 * The database attributes of a statement execution. With sanitization on, the query texts it
 * hands to the instrumentation API's analyzer are already masked where the analyzer falls short
 * (see {@link SqlLiteralMasker}).
 */
final class JdbcAttributesGetter implements SqlClientAttributesGetter<DbRequest, Void> {

  private final boolean sanitize;

  JdbcAttributesGetter(boolean sanitize) {
    this.sanitize = sanitize;
  }

  @Override
  public String getDbSystemName(DbRequest request) {
    return request.dbInfo().system();
  }

  @Deprecated
  @Override
  public String getDbSystem(DbRequest request) {
    return request.dbInfo().system();
  }

  @Nullable
  @Override
  public String getDbNamespace(DbRequest request) {
    return request.dbInfo().name();
  }

  @Deprecated
  @Nullable
  @Override
  public String getDbName(DbRequest request) {
    return request.dbInfo().name();
  }

  @Override
  public SqlDialect getSqlDialect(DbRequest request) {
    return request.dbInfo().dialect();
  }

  @Override
  public Collection<String> getRawQueryTexts(DbRequest request) {
    if (!sanitize) {
      return request.queryTexts();
    }
    SqlLiteralMasker masker = request.dbInfo().masker();
    List<String> masked = new ArrayList<>(request.queryTexts().size());
    for (String queryText : request.queryTexts()) {
      masked.add(masker.mask(queryText));
    }
    return masked;
  }

  @Nullable
  @Override
  public Long getDbOperationBatchSize(DbRequest request) {
    return request.batchSize();
  }

  @Nullable
  @Override
  public String getServerAddress(DbRequest request) {
    return request.dbInfo().host();
  }

  @Nullable
  @Override
  public Integer getServerPort(DbRequest request) {
    return request.dbInfo().port();
  }
}
