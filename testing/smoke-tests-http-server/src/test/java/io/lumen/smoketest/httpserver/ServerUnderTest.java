package io.lumen.smoketest.httpserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.ForkedJvmBuilder;
import io.lumen.testing.agent.OtlpProtocol;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.ReceivedTrace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A forked application server with the agent, its OTLP receiver, and a client: what every server
 * smoke test starts once per server version and then sends many requests to.
 *
 * <p>Each traced request carries a fresh {@code traceparent}, so its telemetry is told apart by
 * trace id; {@link #onlySpansOf(String, int)} also proves that nothing more arrives for a trace.
 */
final class ServerUnderTest implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** Asked to be recorded as span attributes in every forked application. */
  static final String CAPTURED_REQUEST_HEADER = "X-Test-Header";

  static final String CAPTURED_RESPONSE_HEADER = "X-Served-By";

  private static final Pattern READY = Pattern.compile("READY port=(\\d+)");
  private static final SecureRandom random = new SecureRandom();

  private final OtlpReceiver receiver;
  private final ForkedJvm app;
  private final int port;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private ServerUnderTest(OtlpReceiver receiver, ForkedJvm app) {
    this.receiver = receiver;
    this.app = app;
    Matcher matcher = READY.matcher(app.waitForOutput(READY, Duration.ofSeconds(90)));
    assertThat(matcher.find()).isTrue();
    this.port = Integer.parseInt(matcher.group(1));
  }

  /**
   * Starts {@code mainClass} from the test classes with the jars of the named library sets (the
   * directories maven-dependency-plugin fills under {@code target/test-libs}).
   */
  static ServerUnderTest start(
      String name, List<String> librarySets, List<String> jvmArgs, String mainClass,
      String... args) {
    OtlpReceiver receiver = OtlpReceiver.start();
    ForkedJvmBuilder builder =
        ForkedJvm.builder()
            .name(name)
            .mainClass(mainClass)
            .args(args)
            .addClassPath(testClasses())
            .addJvmArgs(jvmArgs.toArray(new String[0]))
            .systemProperty(
                "otel.instrumentation.http.server.capture-request-headers",
                CAPTURED_REQUEST_HEADER)
            .systemProperty(
                "otel.instrumentation.http.server.capture-response-headers",
                CAPTURED_RESPONSE_HEADER)
            .serviceName(name.replace(' ', '-'))
            .exportTo(receiver, OtlpProtocol.GRPC);
    for (String set : librarySets) {
      builder.addClassPath(libraries(set));
    }
    try {
      return new ServerUnderTest(receiver, builder.start());
    } catch (RuntimeException | Error e) {
      receiver.close();
      throw e;
    }
  }

  OtlpReceiver receiver() {
    return receiver;
  }

  ForkedJvm app() {
    return app;
  }

  int port() {
    return port;
  }

  static String newTraceId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static String newSpanId() {
    byte[] bytes = new byte[8];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** GET {@code path} as a child of {@code traceId}/{@code parentSpanId}. */
  HttpResponse<String> getTraced(
      String path, String traceId, String parentSpanId, String... headers) {
    List<String> all = new ArrayList<>(List.of(headers));
    all.add("traceparent");
    all.add("00-" + traceId + "-" + parentSpanId + "-01");
    return get(path, all.toArray(new String[0]));
  }

  /** GET {@code path} with header name/value pairs. */
  HttpResponse<String> get(String path, String... headers) {
    return send("GET", path, headers);
  }

  /** A request without a body, with header name/value pairs. */
  HttpResponse<String> send(String method, String path, String... headers) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(new URI("http://127.0.0.1:" + port + path))
              .method(method, HttpRequest.BodyPublishers.noBody())
              .timeout(Duration.ofSeconds(30));
      for (int i = 0; i < headers.length; i += 2) {
        request.header(headers[i], headers[i + 1]);
      }
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * The trace {@code traceId} once {@code spanCount} of its spans arrived, after making sure no
   * further span of it is on its way: a later request's span is awaited first, and spans reach the
   * exporter in the order they end.
   */
  ReceivedTrace onlySpansOf(String traceId, int spanCount) {
    receiver.awaitSpans(span -> span.traceId().equals(traceId), spanCount, TIMEOUT);
    String barrier = newTraceId();
    getTraced("/hello", barrier, newSpanId());
    receiver.awaitSpan(span -> span.traceId().equals(barrier), TIMEOUT);
    List<ReceivedSpan> spans = receiver.spans(span -> span.traceId().equals(traceId));
    return ReceivedTrace.of(traceId, spans);
  }

  /** The single server span of the request traced as {@code traceId}. */
  ReceivedTrace onlyServerSpanOf(String traceId) {
    ReceivedTrace trace = onlySpansOf(traceId, 1);
    assertThat(trace.spans())
        .as("spans of trace %s", traceId)
        .hasSize(1)
        .allMatch(span -> span.kind() == ReceivedSpan.Kind.SERVER);
    return trace;
  }

  static List<Path> libraries(String set) {
    Path directory = Path.of("target", "test-libs", set);
    if (!Files.isDirectory(directory)) {
      throw new IllegalStateException(
          "No test libraries in " + directory.toAbsolutePath() + ": run the tests through Maven,"
              + " whose maven-dependency-plugin execution '" + set + "' copies them there");
    }
    try (Stream<Path> jars = Files.list(directory)) {
      return jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path testClasses() {
    try {
      return Path.of(
          ServerUnderTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      app.close();
    } finally {
      receiver.close();
    }
  }
}
