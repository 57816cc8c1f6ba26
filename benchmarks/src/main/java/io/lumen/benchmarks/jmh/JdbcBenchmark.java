package io.lumen.benchmarks.jmh;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One prepared SQL query on an in-memory H2 database, result read: the statement an agent wraps
 * in a client span. H2 in memory answers in about a microsecond, so what an agent adds stands out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JdbcBenchmark {

  private Connection connection;
  private PreparedStatement query;
  private long invocations;

  @Setup(Level.Trial)
  public void createDatabase() throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:jmh;DB_CLOSE_DELAY=-1", "sa", "");
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS users (id BIGINT PRIMARY KEY, name VARCHAR(100))");
      statement.execute(
          "MERGE INTO users SELECT x, 'User ' || x FROM SYSTEM_RANGE(1, 1000)");
    }
    query = connection.prepareStatement("SELECT name FROM users WHERE id = ?");
  }

  @Benchmark
  public String query() throws SQLException {
    long id = (invocations++ % 1000) + 1;
    query.setLong(1, id);
    try (ResultSet result = query.executeQuery()) {
      return result.next() ? result.getString(1) : null;
    }
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    connection.close();
    BenchmarkProbe.write(Map.of("invocations", invocations));
  }
}
