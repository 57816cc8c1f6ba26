package io.lumen.smoketest.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lumen.smoketest.reliability.apps.IdleApp;
import io.lumen.smoketest.reliability.apps.LoadApp;
import io.lumen.smoketest.reliability.apps.RedisApp;
import io.lumen.smoketest.reliability.apps.SensitiveDataApp;
import io.lumen.smoketest.reliability.collector.FaultyCollector;
import io.lumen.smoketest.reliability.report.ReliabilityReport;
import io.lumen.smoketest.reliability.support.AgentUnderTest;
import io.lumen.smoketest.reliability.support.TestApps;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.ForkedJvmBuilder;
import io.lumen.testing.agent.LocalService;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedLogRecord;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.Signal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent must never leak or open: secrets in telemetry (off by default), exporter
 * credentials in its log (even at debug), and listening ports.
 */
class SecurityTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path directory;

  @Test
  void sensitiveDataIsOffByDefault() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ForkedJvm app =
            AgentUnderTest.exportingTo(receiver.grpcEndpoint())
                .mainClass(SensitiveDataApp.class)
                .addClassPathOf(SensitiveDataApp.class)
                .addClassPath(TestApps.lib("h2-"))
                .serviceName("careless-app")
                .echoOutput(false)
                .start()) {
      int port = AgentUnderTest.port(app);
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + port
                                  + "/checkout?password=PASS-SECRET&token=TOKEN-SECRET&item=42"))
                      .header("Authorization", "Bearer AUTH-SECRET")
                      .header("Cookie", "session=COOKIE-SECRET")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("users=1 echo");

      ReceivedSpan database =
          receiver.awaitSpan(
              span -> String.valueOf(span.attribute("db.query.text")).startsWith("SELECT"),
              TIMEOUT);
      ReceivedSpan client =
          receiver.awaitSpan(
              span -> span.kind() == ReceivedSpan.Kind.CLIENT && span.attribute("url.full") != null,
              TIMEOUT);
      ReceivedSpan server =
          receiver.awaitSpan(
              span -> span.kind() == ReceivedSpan.Kind.SERVER
                  && "/checkout".equals(span.attribute("url.path")),
              TIMEOUT);
      List<String> leaks = new ArrayList<>();
      for (ReceivedSpan span : receiver.spans()) {
        for (String secret : SensitiveDataApp.SECRETS) {
          if ((span.name() + span.attributes() + span.events()).contains(secret)) {
            leaks.add(span.name() + " carries " + secret);
          }
        }
      }
      for (ReceivedLogRecord log : receiver.logRecords()) {
        for (String secret : SensitiveDataApp.SECRETS) {
          if ((log.body() + "" + log.attributes()).contains(secret)) {
            leaks.add("log record carries " + secret);
          }
        }
      }

      assertThat(leaks).isEmpty();
      assertThat(String.valueOf(database.attribute("db.query.text"))).contains("?");
      assertThat(String.valueOf(client.attribute("url.full"))).contains("REDACTED");
      assertThat(server.attributes().keySet()).noneMatch(key -> key.startsWith("http.request.header."));
      assertThat(app.stdout() + app.stderr()).doesNotContain("AUTH-SECRET", "COOKIE-SECRET");

      ReliabilityReport.entry("4.1 Sensitive data off by default")
          .proves(
              "A service runs a SQL query with a password literal, calls a URL with credentials"
                  + " and a signature parameter, and is called with a password and a token in"
                  + " the query, an Authorization header and a cookie. With the default"
                  + " configuration none of the 7 planted secrets reaches the collector: the SQL"
                  + " is sanitized, URL credentials and signature parameters are masked, no"
                  + " request header is captured, and the redaction processor masks the rest.")
          .figure("secrets planted / found in spans, log records or the agent's output",
              SensitiveDataApp.SECRETS.length + " / " + leaks.size())
          .figure("db.query.text", database.attribute("db.query.text"))
          .figure("url.full of the outgoing call", client.attribute("url.full"))
          .figure("url.query of the incoming call", server.attribute("url.query"))
          .record();
    }
  }

  @Test
  void redisArgumentsAreSanitizedByDefault() throws Exception {
    LocalService.REDIS.assumeReachable();
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ForkedJvm app =
            AgentUnderTest.exportingTo(receiver.grpcEndpoint())
                .mainClass(RedisApp.class)
                .addClassPathOf(RedisApp.class)
                .addClassPath(TestApps.lib("jedis-"), TestApps.lib("commons-pool2-"))
                .serviceName("redis-app")
                .echoOutput(false)
                .start()) {
      assertThat(app.waitForExit(TIMEOUT)).as(app.describeOutput()).isZero();
      assertThat(app.stdout()).contains("DONE");
      ReceivedSpan set =
          receiver.awaitSpan(
              span -> String.valueOf(span.attribute("db.query.text")).startsWith("SET"), TIMEOUT);
      List<ReceivedSpan> redisSpans =
          receiver.spans(span -> "redis".equals(span.attribute("db.system.name")));

      assertThat(redisSpans).hasSizeGreaterThanOrEqualTo(3);
      assertThat(redisSpans)
          .noneMatch(span -> span.attributes().toString().contains(RedisApp.SECRET));

      ReliabilityReport.entry("4.4 Redis arguments sanitized by default")
          .proves(
              "A Jedis client stores a secret in Redis (127.0.0.1:6379): the command spans keep"
                  + " the command and key, and mask the value.")
          .figure("Redis spans / carrying the secret", redisSpans.size() + " / 0")
          .figure("db.query.text of SET", set.attribute("db.query.text"))
          .record();
    }
  }

  @Test
  void exporterHeaderValuesNeverAppearInTheLogEvenAtDebug() throws Exception {
    Path headersFile = directory.resolve("otlp-headers");
    Files.writeString(headersFile, "x-api-key=file-SECRET-2\n");
    try (OtlpReceiver receiver = OtlpReceiver.start();
        FaultyCollector collector = FaultyCollector.inFrontOf(receiver);
        ForkedJvm app =
            TestApps.app(AgentUnderTest.exportingTo(collector.endpoint()), LoadApp.class)
                .serviceName("credentials-app")
                .systemProperty("otel.javaagent.debug", "true")
                .environment(
                    "OTEL_EXPORTER_OTLP_HEADERS", "authorization=Bearer%20env-SECRET-1,bad-SECRET-3")
                .environment("OTEL_LUMEN_EXPORTER_OTLP_HEADERS_FILE", headersFile.toString())
                .echoOutput(false)
                .start()) {
      int port = AgentUnderTest.port(app);
      // Exports fail first (the collector is down: debug logs every failure), then succeed.
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/work?seq=1")).build(),
              HttpResponse.BodyHandlers.ofString());
      Thread.sleep(3_000);
      collector.up();
      receiver.awaitSpan(span -> CollectorOutageTest.seqOf(span) == 1, TIMEOUT);
      Map<String, List<String>> headers = receiver.lastRequestHeaders(Signal.TRACES);
      String output = app.stdout() + app.stderr();

      assertThat(headers.get("authorization")).containsExactly("Bearer env-SECRET-1");
      assertThat(headers.get("x-api-key")).containsExactly("file-SECRET-2");
      assertThat(output).contains("DEBUG").contains("OTEL_EXPORTER_OTLP_HEADERS");
      assertThat(output).doesNotContain("SECRET-1", "SECRET-2", "SECRET-3");

      ReliabilityReport.entry("4.2 Exporter credentials never in the log")
          .proves(
              "Export headers from `OTEL_EXPORTER_OTLP_HEADERS` and from a mounted secret file"
                  + " (`otel.lumen.exporter.otlp.headers.file`) reach the collector; with"
                  + " `otel.javaagent.debug=true`, a malformed header entry and failing exports,"
                  + " no header value appears anywhere in the app's output. (TLS with a private CA"
                  + " and mTLS: lumen-sdk's OtlpTlsEndToEndTest.)")
          .figure("headers received by the collector", "authorization, x-api-key")
          .figure("lines of agent output at debug / lines with a header value",
              output.lines().count() + " / 0")
          .record();
    }
  }

  @Test
  void theAgentOpensNoListeningPort() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc to list sockets");
    int withoutAgent;
    try (ForkedJvm app = idle(ForkedJvm.builder().withoutAgent()).start()) {
      app.waitForOutput("READY", AgentUnderTest.STARTUP);
      withoutAgent = listeningSockets(app.pid()).size();
    }
    try (ForkedJvm app =
        idle(ForkedJvm.builder().agent(AgentUnderTest.jar()))
            .systemProperty("otel.javaagent.debug", "true")
            .start()) {
      app.waitForOutput("READY", AgentUnderTest.STARTUP);
      app.waitForOutput("started in", AgentUnderTest.STARTUP);
      Thread.sleep(3_000); // exporters and listeners up
      List<String> listening = listeningSockets(app.pid());

      assertThat(withoutAgent).isZero();
      assertThat(listening).isEmpty();

      ReliabilityReport.entry("4.3 No listening port")
          .proves(
              "A JVM that opens no socket itself, with the agent and its default configuration"
                  + " (every module, metrics, logs, debug on): its /proc tables list no TCP socket"
                  + " in LISTEN state and no bound UDP socket that belongs to the process. Lumen"
                  + " has no debug endpoint.")
          .figure("listening TCP / bound UDP sockets, without the agent", withoutAgent)
          .figure("listening TCP / bound UDP sockets, with the agent", listening.size())
          .record();
    }
  }

  private static ForkedJvmBuilder idle(ForkedJvmBuilder builder) {
    return builder.mainClass(IdleApp.class).addClassPathOf(IdleApp.class).echoOutput(false);
  }

  /** TCP sockets in LISTEN state and bound UDP sockets owned by process {@code pid}. */
  private static List<String> listeningSockets(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    }
    List<String> listening = new ArrayList<>();
    for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
      Path file = Path.of("/proc/" + pid + "/net/" + table);
      if (!Files.exists(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
        String[] fields = line.trim().split("\\s+");
        String state = fields[3];
        String inode = fields[9];
        boolean listens = table.startsWith("tcp") ? state.equals("0A") : state.equals("07");
        if (listens && inodes.contains(inode)) {
          listening.add(table + " " + fields[1]);
        }
      }
    }
    return listening;
  }
}
