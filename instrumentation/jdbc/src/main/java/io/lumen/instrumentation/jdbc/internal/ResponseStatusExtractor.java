package io.lumen.instrumentation.jdbc.internal;

import static io.opentelemetry.semconv.DbAttributes.DB_RESPONSE_STATUS_CODE;

import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import java.sql.SQLException;
import javax.annotation.Nullable;

/**
 * {@code db.response.status_code} of a failed execution, as the conventions of each database
 * define it: the SQLSTATE for PostgreSQL, the error number for MySQL and MariaDB, the driver's
 * error code (or else the SQLSTATE) elsewhere.
 */
final class ResponseStatusExtractor implements AttributesExtractor<DbRequest, Void> {

  @Override
  public void onStart(AttributesBuilder attributes, Context parentContext, DbRequest request) {}

  @Override
  public void onEnd(
      AttributesBuilder attributes,
      Context context,
      DbRequest request,
      @Nullable Void response,
      @Nullable Throwable error) {
    SQLException failure = sqlException(error);
    if (failure == null) {
      return;
    }
    String code;
    if (request.dbInfo().system().equals("postgresql")) {
      code = failure.getSQLState();
    } else if (request.dbInfo().isMySqlFamily() || failure.getErrorCode() != 0) {
      code = Integer.toString(failure.getErrorCode());
    } else {
      code = failure.getSQLState();
    }
    if (code != null && !code.isEmpty()) {
      attributes.put(DB_RESPONSE_STATUS_CODE, code);
    }
  }

  @Nullable
  private static SQLException sqlException(@Nullable Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException) {
        return (SQLException) cause;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
