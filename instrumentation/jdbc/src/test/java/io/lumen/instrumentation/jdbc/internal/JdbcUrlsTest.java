package io.lumen.instrumentation.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcUrlsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1 | h2 | - | - | orders",
        "jdbc:h2:file:/var/data/orders | h2 | - | - | orders",
        "jdbc:h2:~/orders | h2 | - | - | orders",
        "jdbc:h2:tcp://db.example:9093/~/orders | h2 | db.example | 9093 | orders",
        "jdbc:postgresql://db.example/orders?ssl=true | postgresql | db.example | 5432 | orders",
        "jdbc:postgresql://db1:6432,db2:6432/orders | postgresql | db1 | 6432 | orders",
        "jdbc:postgresql:orders | postgresql | - | - | orders",
        "jdbc:postgresql://[::1]:5433/orders | postgresql | ::1 | 5433 | orders",
        "jdbc:mariadb://db.example:3307/shop | mariadb | db.example | 3307 | shop",
        "jdbc:mariadb:replication://primary,replica/shop | mariadb | primary | 3306 | shop",
        "jdbc:mysql://user@db.example/shop | mysql | db.example | 3306 | shop",
        "jdbc:sqlserver://db.example;databaseName=sales;encrypt=true | mssql | db.example | 1433 | sales",
        "jdbc:oracle:thin:@db.example:1522:ORCL | oracle | db.example | 1522 | ORCL",
        "jdbc:oracle:thin:@//db.example/service | oracle | db.example | 1521 | service",
        "jdbc:db2://db.example:50001/sample | db2 | db.example | 50001 | sample",
        "jdbc:hsqldb:mem:test | hsqldb | - | - | test",
        "jdbc:derby://db.example:1528/sample;create=true | derby | db.example | 1528 | sample",
        "jdbc:sqlite:/tmp/app.db | sqlite | - | - | app.db",
        "jdbc:acme://db.example:1234/things | other_sql | db.example | 1234 | things",
        "not a url | other_sql | - | - | -",
      })
  void readsSystemServerAndDatabase(
      String url, String system, String host, Integer port, String name) {
    DbInfo info = JdbcUrls.parse(url);
    assertThat(info.system()).isEqualTo(system);
    assertThat(info.host()).isEqualTo(host);
    assertThat(info.port()).isEqualTo(port);
    assertThat(info.name()).isEqualTo(name);
  }
}
