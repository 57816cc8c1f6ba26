package io.lumen.smoketest.jdbc;

import static io.lumen.testing.agent.TelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.support.AgentApps;
import io.lumen.smoketest.support.LibraryJars;
import io.lumen.smoketest.support.Services;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.SpanAssert;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedDataPoint;
import io.lumen.testing.receiver.ReceivedMetric;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.ReceivedTrace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An unmodified application on H2, PostgreSQL and MariaDB (their official drivers), directly and
 * through HikariCP, with the agent: what its statements look like at the OTLP receiver. One
 * application run per database serves every test of that database.
 */
class JdbcSmokeTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final String TABLE = "lumen_users_" + ProcessHandle.current().pid();

  private static OtlpReceiver receiver;
  private static final Map<Database, List<ReceivedSpan>> spansByDatabase =
      new EnumMap<>(Database.class);
  /** A run that failed fails every test of its database at once, rather than being retried. */
  private static final Map<Database, AssertionError> failedRuns = new EnumMap<>(Database.class);

  @BeforeAll
  static void startReceiver() {
    receiver = OtlpReceiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  /** Runs the application against {@code database} once, and returns everything it reported. */
  private static synchronized List<ReceivedSpan> spans(Database database) throws IOException {
    if (database.isServer()) {
      Services.assumeReachable(database.displayName, database.host, database.port);
    }
    List<ReceivedSpan> spans = spansByDatabase.get(database);
    if (spans != null) {
      return spans;
    }
    AssertionError failed = failedRuns.get(database);
    if (failed != null) {
      throw new AssertionError("the application run against " + database + " failed", failed);
    }
    try {
      spans = run(database);
    } catch (AssertionError e) {
      failedRuns.put(database, e);
      throw e;
    }
    spansByDatabase.put(database, spans);
    return spans;
  }

  private static List<ReceivedSpan> run(Database database) throws IOException {
    Path queries = Files.createTempFile("tricky-", ".tsv");
    try (InputStream in = JdbcSmokeTest.class.getResourceAsStream(database.trickyQueries())) {
      Files.write(queries, in.readAllBytes());
    }
    try (ForkedJvm app =
        AgentApps.builder(JdbcApp.class, receiver)
            .serviceName("jdbc-" + database.name().toLowerCase(java.util.Locale.ROOT))
            .addClassPath(LibraryJars.annotations())
            .addClassPath(database.driver())
            .addClassPath(LibraryJars.hikariCp())
            .systemProperty("otel.instrumentation.jdbc-datasource.enabled", "true")
            .args(database.url, database.user, "", TABLE, queries.toString(), "hikari")
            .start()) {
      assertThat(app.waitForExit(TIMEOUT)).as("exit code").isZero();
    } finally {
      Files.deleteIfExists(queries);
    }
    String serviceName = "jdbc-" + database.name().toLowerCase(java.util.Locale.ROOT);
    receiver.awaitSpans(
        span -> serviceName.equals(span.serviceName())
            && "hikari-statement".equals(span.attribute("scenario")),
        1,
        TIMEOUT);
    return receiver.spans(span -> serviceName.equals(span.serviceName()));
  }

  /** The trace of the request named {@code scenario}. */
  private static ReceivedTrace request(List<ReceivedSpan> spans, String scenario) {
    ReceivedSpan request =
        spans.stream()
            .filter(span -> span.name().equals("request") && scenario.equals(span.attribute("scenario")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no request " + scenario));
    return ReceivedTrace.of(
        request.traceId(),
        spans.stream().filter(span -> span.traceId().equals(request.traceId())).collect(Collectors.toList()));
  }

  /** The one CLIENT span of a request: a pool delegating to the driver adds none. */
  private static SpanAssert onlyClientSpan(ReceivedTrace trace) {
    List<ReceivedSpan> clients =
        trace.spans().stream().filter(span -> span.kind() == ReceivedSpan.Kind.CLIENT).collect(Collectors.toList());
    assertThat(clients).as("CLIENT spans in\n%s", trace).hasSize(1);
    return assertThat(trace).hasSpan(ReceivedSpan.Kind.CLIENT, clients.get(0).name());
  }

  private static SpanAssert hasDatabase(SpanAssert span, Database database) {
    span.isClient()
        .hasAttribute("db.system.name", database.systemName)
        .hasAttribute("db.namespace", database.namespace)
        .hasScopeName("io.lumen.jdbc");
    if (database.isServer()) {
      span.hasAttribute("server.address", database.host).hasAttribute("server.port", database.port);
    } else {
      span.doesNotHaveAttribute("server.address");
    }
    return span;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Database.class)
  void oneClientSpanPerStatementFollowingTheDatabaseConventions(Database database)
      throws IOException {
    List<ReceivedSpan> spans = spans(database);

    hasDatabase(onlyClientSpan(request(spans, "select-statement")), database)
        .hasName("SELECT " + TABLE)
        .isChildOf("request")
        .isNotError()
        .hasAttribute("db.operation.name", "SELECT")
        .hasAttribute("db.collection.name", TABLE)
        .hasAttribute("db.query.summary", "SELECT " + TABLE)
        .hasAttribute("db.query.text", "SELECT name FROM " + TABLE + " WHERE id = ? AND name = ?");

    hasDatabase(onlyClientSpan(request(spans, "insert-prepared")), database)
        .hasName("INSERT " + TABLE)
        .hasAttribute("db.operation.name", "INSERT")
        .hasAttribute(
            "db.query.text", "INSERT INTO " + TABLE + " (id, name, note) VALUES (?, ?, ?)")
        .doesNotHaveAttribute("db.operation.batch.size");

    hasDatabase(onlyClientSpan(request(spans, "create")), database)
        .hasName("CREATE TABLE " + TABLE)
        .hasAttribute("db.operation.name", "CREATE TABLE");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Database.class)
  void batchesAreOneSpanWithTheirSize(Database database) throws IOException {
    List<ReceivedSpan> spans = spans(database);

    hasDatabase(onlyClientSpan(request(spans, "batch-prepared")), database)
        .hasName("BATCH INSERT " + TABLE)
        .hasAttribute("db.operation.batch.size", 3)
        .hasAttribute("db.operation.name", "INSERT")
        .hasAttribute(
            "db.query.text", "INSERT INTO " + TABLE + " (id, name, note) VALUES (?, ?, ?)");

    hasDatabase(onlyClientSpan(request(spans, "batch-statement")), database)
        .hasName("BATCH")
        .hasAttribute("db.operation.batch.size", 2)
        .hasAttribute(
            "db.query.text",
            "INSERT INTO " + TABLE + " (id, name) VALUES (?, ?); UPDATE " + TABLE
                + " SET note = ? WHERE id = ?");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Database.class)
  void failedStatementsCarryTheDatabasesStatusCode(Database database) throws IOException {
    String expectedStatus;
    String expectedType;
    switch (database) {
      case POSTGRESQL:
        expectedStatus = "42P01";
        expectedType = "org.postgresql.util.PSQLException";
        break;
      case MARIADB:
        expectedStatus = "1146";
        expectedType = "java.sql.SQLSyntaxErrorException";
        break;
      default:
        expectedStatus = "42102";
        expectedType = "org.h2.jdbc.JdbcSQLSyntaxErrorException";
    }
    hasDatabase(onlyClientSpan(request(spans(database), "error")), database)
        .hasName("SELECT lumen_missing_table")
        .isError()
        .hasAttribute("error.type", expectedType)
        .hasAttribute("db.response.status_code", expectedStatus)
        .hasException(expectedType);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Database.class)
  void callableStatementsAreTraced(Database database) throws IOException {
    SpanAssert call = hasDatabase(onlyClientSpan(request(spans(database), "callable")), database);
    switch (database) {
      case POSTGRESQL:
        call.hasName("call abs").hasAttribute("db.stored_procedure.name", "abs");
        break;
      case MARIADB:
        call.hasName("call " + TABLE + "_touch")
            .hasAttribute("db.stored_procedure.name", TABLE + "_touch");
        break;
      default:
        call.hasName("CALL ABS").hasAttribute("db.stored_procedure.name", "ABS");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Database.class)
  void queryTextsAreSanitizedWhateverTheQuotingCommentsOrCharacters(Database database)
      throws IOException {
    List<ReceivedSpan> spans = spans(database);
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (String line : trickyQueries(database)) {
      String[] columns = line.split("\t");
      String expected = columns[2].replace("{table}", TABLE);
      ReceivedTrace trace = request(spans, "tricky-" + columns[0]);
      onlyClientSpan(trace);
      Object actual =
          trace.spans().stream()
              .filter(span -> span.kind() == ReceivedSpan.Kind.CLIENT)
              .findFirst()
              .get()
              .attribute("db.query.text");
      if (!expected.equals(actual)) {
        failures.add(columns[0] + ": expected [" + expected + "] but was [" + actual + "]");
      }
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(7);
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Database.class)
  void throughHikariCpEachExecutionIsOneSpanAfterTheConnectionWait(Database database)
      throws IOException {
    List<ReceivedSpan> spans = spans(database);
    for (String scenario : List.of("hikari-select", "hikari-batch", "hikari-statement")) {
      ReceivedTrace trace = request(spans, scenario);
      assertThat(trace)
          .hasNoMissingParents()
          .hasInternalSpan("HikariDataSource.getConnection")
          .isChildOf("request")
          .hasNoChildren();
      onlyClientSpan(trace).isChildOf("request");
    }
    hasDatabase(onlyClientSpan(request(spans, "hikari-select")), database)
        .hasAttribute("db.query.text", "SELECT name FROM " + TABLE + " WHERE id = ?");
    onlyClientSpan(request(spans, "hikari-batch"))
        .hasName("BATCH UPDATE " + TABLE)
        .hasAttribute("db.operation.batch.size", 2);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Database.class)
  void operationDurationHistogramIsExported(Database database) throws IOException {
    spans(database);
    ReceivedMetric duration =
        receiver.awaitMetric(
            metric ->
                metric.name().equals("db.client.operation.duration")
                    && metric.points().stream()
                        .anyMatch(point -> database.systemName.equals(point.attribute("db.system.name"))
                            && "SELECT".equals(point.attribute("db.operation.name"))),
            TIMEOUT);
    assertThat(duration.unit()).isEqualTo("s");
    assertThat(duration.type()).isEqualTo(ReceivedMetric.Type.HISTOGRAM);
    ReceivedDataPoint failed =
        duration.points().stream()
            .filter(point -> database.systemName.equals(point.attribute("db.system.name"))
                && point.attribute("error.type") != null)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no failed operation in " + duration));
    assertThat(failed.attribute("db.collection.name")).isEqualTo("lumen_missing_table");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Database.class)
  void hikariCpPoolMetricsAreExported(Database database) throws IOException {
    spans(database);
    String serviceName = "jdbc-" + database.name().toLowerCase(java.util.Locale.ROOT);
    ReceivedMetric count = poolMetric(serviceName, "db.client.connection.count");
    assertThat(count.unit()).isEqualTo("{connection}");
    assertThat(count.points())
        .extracting(point -> point.attribute("db.client.connection.state"))
        .contains("idle", "used");
    assertThat(count.points())
        .allSatisfy(
            point ->
                assertThat(point.attribute("db.client.connection.pool.name"))
                    .isEqualTo("lumen-pool"));
    assertThat(poolMetric(serviceName, "db.client.connection.max").points())
        .singleElement()
        .satisfies(point -> assertThat(point.longValue()).isEqualTo(3L));
    assertThat(poolMetric(serviceName, "db.client.connection.pending_requests").points())
        .isNotEmpty();
    ReceivedMetric waitTime = poolMetric(serviceName, "db.client.connection.wait_time");
    assertThat(waitTime.type()).isEqualTo(ReceivedMetric.Type.HISTOGRAM);
    assertThat(waitTime.unit()).isEqualTo("s");
  }

  private static ReceivedMetric poolMetric(String serviceName, String name) {
    return receiver.awaitMetric(
        metric ->
            metric.name().equals(name)
                && serviceName.equals(metric.resourceAttribute("service.name"))
                && !metric.points().isEmpty(),
        TIMEOUT);
  }

  private static List<String> trickyQueries(Database database) throws IOException {
    try (InputStream in = JdbcSmokeTest.class.getResourceAsStream(database.trickyQueries())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank())
          .collect(Collectors.toList());
    }
  }
}
