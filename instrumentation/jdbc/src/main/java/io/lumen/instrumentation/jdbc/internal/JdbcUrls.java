package io.lumen.instrumentation.jdbc.internal;

import java.util.Locale;
import javax.annotation.Nullable;

/**
 * Reads {@link DbInfo} from JDBC URLs of the common drivers. Anything it does not recognize
 * yields what could be read (often just the system from the sub-protocol) rather than failing.
 * This class is internal and is not for public use.
 */
public final class JdbcUrls {

  private JdbcUrls() {}

  public static DbInfo parse(@Nullable String url) {
    if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return DbInfo.UNKNOWN;
    }
    String rest = url.substring(5);
    int colon = rest.indexOf(':');
    if (colon < 0) {
      return DbInfo.UNKNOWN;
    }
    String subprotocol = rest.substring(0, colon).toLowerCase(Locale.ROOT);
    String spec = rest.substring(colon + 1);
    try {
      switch (subprotocol) {
        case "h2":
          return h2(spec);
        case "postgresql":
        case "pgsql":
          return hostBased("postgresql", spec, 5432);
        case "mariadb":
          return hostBased("mariadb", skipMode(spec), 3306);
        case "mysql":
          return hostBased("mysql", skipMode(spec), 3306);
        case "sqlserver":
          return sqlServer(spec);
        case "oracle":
          return oracle(spec);
        case "db2":
          return hostBased("db2", spec, 50000);
        case "hsqldb":
          return embeddedOrHost("hsqldb", spec, 9001);
        case "derby":
          return embeddedOrHost("derby", spec, 1527);
        case "sqlite":
          return new DbInfo("sqlite", null, null, lastSegment(spec));
        default:
          return hostBased("other_sql", spec, null);
      }
    } catch (RuntimeException unparseable) {
      return DbInfo.UNKNOWN;
    }
  }

  /** {@code mem:name}, {@code file:path}, {@code ~/path}, {@code tcp://host:port/path}... */
  private static DbInfo h2(String spec) {
    String withoutSettings = cut(spec, ';');
    String lower = withoutSettings.toLowerCase(Locale.ROOT);
    if (lower.startsWith("tcp:") || lower.startsWith("ssl:")) {
      DbInfo server = hostBased("h2", withoutSettings.substring(4), 9092);
      return server.name() == null ? server : server.withName(lastSegment(server.name()));
    }
    for (String embedded : new String[] {"mem:", "file:", "zip:", "split:", "nio:", "async:"}) {
      if (lower.startsWith(embedded)) {
        withoutSettings = withoutSettings.substring(embedded.length());
        break;
      }
    }
    return new DbInfo("h2", null, null, lastSegment(withoutSettings));
  }

  private static DbInfo embeddedOrHost(String system, String spec, int defaultPort) {
    String withoutSettings = cut(spec, ';');
    int scheme = withoutSettings.indexOf("//");
    if (scheme >= 0) {
      return hostBased(system, withoutSettings.substring(scheme), defaultPort);
    }
    int colon = withoutSettings.indexOf(':');
    return new DbInfo(system, null, null, lastSegment(withoutSettings.substring(colon + 1)));
  }

  /** {@code replication://}, {@code loadbalance://}... */
  private static String skipMode(String spec) {
    int scheme = spec.indexOf("//");
    return scheme > 0 ? spec.substring(scheme) : spec;
  }

  /** {@code //host[:port][,host2...]/database[?params]}, or {@code database} alone. */
  private static DbInfo hostBased(String system, String spec, @Nullable Integer defaultPort) {
    if (!spec.startsWith("//")) {
      String name = cut(cut(spec, '?'), ';');
      return new DbInfo(system, null, null, emptyToNull(name));
    }
    String authorityAndPath = cut(cut(spec.substring(2), '?'), ';');
    int slash = authorityAndPath.indexOf('/');
    String authority = slash < 0 ? authorityAndPath : authorityAndPath.substring(0, slash);
    String path = slash < 0 ? null : authorityAndPath.substring(slash + 1);
    String firstHost = cut(authority, ',');
    int at = firstHost.lastIndexOf('@');
    if (at >= 0) {
      firstHost = firstHost.substring(at + 1);
    }
    String host = firstHost;
    Integer port = defaultPort;
    if (firstHost.startsWith("[")) {
      int close = firstHost.indexOf(']');
      host = firstHost.substring(1, close);
      if (close + 1 < firstHost.length() && firstHost.charAt(close + 1) == ':') {
        port = Integer.valueOf(firstHost.substring(close + 2));
      }
    } else {
      int colon = firstHost.lastIndexOf(':');
      if (colon >= 0) {
        host = firstHost.substring(0, colon);
        port = Integer.valueOf(firstHost.substring(colon + 1));
      }
    }
    return new DbInfo(system, emptyToNull(host), host.isEmpty() ? null : port, emptyToNull(path));
  }

  /** {@code //host[\instance][:port][;databaseName=db;...]}. */
  private static DbInfo sqlServer(String spec) {
    String[] parts = spec.split(";");
    DbInfo info = hostBased("mssql", cut(parts[0], '\\'), 1433);
    for (int i = 1; i < parts.length; i++) {
      int equals = parts[i].indexOf('=');
      if (equals > 0) {
        String key = parts[i].substring(0, equals).trim().toLowerCase(Locale.ROOT);
        if (key.equals("databasename") || key.equals("database")) {
          return info.withName(parts[i].substring(equals + 1).trim());
        }
      }
    }
    return info;
  }

  /** {@code thin:@host:port:sid}, {@code thin:@//host:port/service}. */
  private static DbInfo oracle(String spec) {
    int at = spec.indexOf('@');
    if (at < 0) {
      return new DbInfo("oracle", null, null, null);
    }
    String target = spec.substring(at + 1);
    if (target.startsWith("//")) {
      return hostBased("oracle", target, 1521);
    }
    if (target.startsWith("(")) {
      return new DbInfo("oracle", null, null, null);
    }
    String[] parts = target.split(":");
    Integer port = parts.length > 1 ? Integer.valueOf(parts[1]) : 1521;
    return new DbInfo("oracle", parts[0], port, parts.length > 2 ? parts[2] : null);
  }

  private static String cut(String text, char at) {
    int index = text.indexOf(at);
    return index < 0 ? text : text.substring(0, index);
  }

  @Nullable
  private static String lastSegment(String path) {
    String trimmed = path;
    while (trimmed.endsWith("/") || trimmed.endsWith("\\")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
    return emptyToNull(slash < 0 ? trimmed : trimmed.substring(slash + 1));
  }

  @Nullable
  private static String emptyToNull(@Nullable String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
