package io.lumen.smoketest.jdbc;

import io.lumen.smoketest.support.LibraryJars;
import java.nio.file.Path;

/** The databases the JDBC tests run against, with their official drivers. */
enum Database {
  H2("H2 (embedded)", "jdbc:h2:mem:lumen;DB_CLOSE_DELAY=-1", "sa", "h2database", "lumen", null, 0),
  POSTGRESQL(
      "PostgreSQL",
      "jdbc:postgresql://127.0.0.1:5432/test",
      "postgres",
      "postgresql",
      "test",
      "127.0.0.1",
      5432),
  MARIADB(
      "MariaDB",
      "jdbc:mariadb://127.0.0.1:3306/test",
      "root",
      "mariadb",
      "test",
      "127.0.0.1",
      3306);

  final String displayName;
  final String url;
  final String user;
  final String systemName;
  final String namespace;
  final String host;
  final int port;

  Database(
      String displayName,
      String url,
      String user,
      String systemName,
      String namespace,
      String host,
      int port) {
    this.displayName = displayName;
    this.url = url;
    this.user = user;
    this.systemName = systemName;
    this.namespace = namespace;
    this.host = host;
    this.port = port;
  }

  boolean isServer() {
    return host != null;
  }

  Path driver() {
    switch (this) {
      case POSTGRESQL:
        return LibraryJars.postgresql();
      case MARIADB:
        return LibraryJars.mariadb();
      default:
        return LibraryJars.h2();
    }
  }

  /** The name of the database's file of tricky queries, in test resources. */
  String trickyQueries() {
    return "/jdbc/tricky-" + name().toLowerCase(java.util.Locale.ROOT) + ".tsv";
  }

  @Override
  public String toString() {
    return displayName;
  }
}
