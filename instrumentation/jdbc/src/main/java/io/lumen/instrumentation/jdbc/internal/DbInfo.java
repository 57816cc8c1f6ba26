package io.lumen.instrumentation.jdbc.internal;

import io.opentelemetry.instrumentation.api.incubator.semconv.db.SqlDialect;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * What a connection's URL tells about the database: the system, the server and the database
 * name. This class is internal and is not for public use.
 */
public final class DbInfo {

  /** A connection whose URL could not be read: only the fact that it is SQL is known. */
  public static final DbInfo UNKNOWN = new DbInfo("other_sql", null, null, null);

  private final String system;
  @Nullable private final String host;
  @Nullable private final Integer port;
  @Nullable private final String name;

  DbInfo(String system, @Nullable String host, @Nullable Integer port, @Nullable String name) {
    this.system = system;
    this.host = host;
    this.port = port;
    this.name = name;
  }

  /** The {@code db.system} value (the instrumentation API maps it to {@code db.system.name}). */
  public String system() {
    return system;
  }

  @Nullable
  public String host() {
    return host;
  }

  @Nullable
  public Integer port() {
    return port;
  }

  /** The database name, {@code db.namespace}. */
  @Nullable
  public String name() {
    return name;
  }

  DbInfo withName(@Nullable String newName) {
    return new DbInfo(system, host, port, newName);
  }

  boolean isMySqlFamily() {
    return system.equals("mysql") || system.equals("mariadb");
  }

  SqlDialect dialect() {
    return isMySqlFamily()
        ? SqlDialect.DOUBLE_QUOTES_ARE_STRING_LITERALS
        : SqlDialect.DOUBLE_QUOTES_ARE_IDENTIFIERS;
  }

  SqlLiteralMasker masker() {
    return isMySqlFamily() ? SqlLiteralMasker.MYSQL : SqlLiteralMasker.STANDARD;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "DbInfo{%s %s:%s/%s}", system, host, port, name);
  }
}
