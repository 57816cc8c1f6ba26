package io.lumen.smoketest.isolation;

import static io.lumen.testing.agent.SpanAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.ForkedJvmBuilder;
import io.lumen.testing.agent.OtlpProtocol;
import io.lumen.testing.agent.TestLibraries;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application that bundles its own, different releases of what the agent is built from (Byte
 * Buddy, OkHttp, protobuf, the OpenTelemetry API and SDK) runs unchanged with the agent: it loads
 * and uses its own copies, sees nothing of the agent but the bootstrap classes and the relocated
 * API, and its requests still become server spans at the receiver.
 *
 * <p>The application ({@code src/test/resources/io/lumen/smoketest/isolation/app}) is compiled
 * here against exactly the jars it runs with, so that it cannot link to the versions on this test's
 * own class path.
 */
class ClassLoaderIsolationSmokeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String APP_SOURCE =
      "io/lumen/smoketest/isolation/app/BundledLibrariesApp.java";
  private static final String APP_MAIN_CLASS =
      "io.lumen.smoketest.isolation.app.BundledLibrariesApp";
  private static final String TRACE_ID = "5bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT_SPAN_ID = "10f067aa0ba902b7";

  /** Library as the application names it, with the release it bundles and that release's jar. */
  private record BundledLibrary(String name, String version, String coordinate) {
    Path jar() {
      return TestLibraries.jar(coordinate).toAbsolutePath();
    }
  }

  private static final List<BundledLibrary> REPORTED_LIBRARIES =
      List.of(
          new BundledLibrary("byte-buddy", "1.10.22", "net.bytebuddy:byte-buddy:1.10.22"),
          new BundledLibrary("okhttp", "okhttp/3.14.9", "com.squareup.okhttp3:okhttp:3.14.9"),
          new BundledLibrary("protobuf", "3.25.5", "com.google.protobuf:protobuf-java:3.25.5"),
          new BundledLibrary(
              "opentelemetry-api", "1.30.1", "io.opentelemetry:opentelemetry-api:1.30.1"),
          new BundledLibrary(
              "opentelemetry-sdk", "1.30.1", "io.opentelemetry:opentelemetry-sdk-trace:1.30.1"));

  /** The application's whole class path besides its own classes. */
  private static final List<String> APP_CLASS_PATH =
      List.of(
          "net.bytebuddy:byte-buddy:1.10.22",
          "com.squareup.okhttp3:okhttp:3.14.9",
          "com.squareup.okio:okio:1.17.2",
          "com.google.protobuf:protobuf-java:3.25.5",
          "io.opentelemetry:opentelemetry-api:1.30.1",
          "io.opentelemetry:opentelemetry-context:1.30.1",
          "io.opentelemetry:opentelemetry-sdk:1.30.1",
          "io.opentelemetry:opentelemetry-sdk-common:1.30.1",
          "io.opentelemetry:opentelemetry-sdk-trace:1.30.1",
          "io.opentelemetry:opentelemetry-sdk-metrics:1.30.1",
          "io.opentelemetry:opentelemetry-sdk-logs:1.30.1",
          "io.opentelemetry:opentelemetry-api-events:1.30.1-alpha",
          "io.opentelemetry:opentelemetry-extension-incubator:1.30.1-alpha");

  /** Agent classes the application must not be able to load, each present in the agent jar. */
  private static final List<String> AGENT_INTERNALS =
      List.of(
          "io.lumen.agent.tooling.AgentInstaller",
          "io.lumen.agent.extension.InstrumentationModule",
          "io.lumen.sdk.LumenOpenTelemetry",
          "io.lumen.instrumentation.javahttpserver.agent.JavaHttpServerInstrumentationModule",
          "io.lumen.shaded.net.bytebuddy.ByteBuddy",
          "io.lumen.shaded.net.bytebuddy.jar.asm.ClassReader",
          "io.lumen.shaded.okhttp3.OkHttpClient",
          "io.lumen.shaded.okio.Buffer",
          "io.lumen.shaded.kotlin.Unit",
          "io.lumen.shaded.io.opentelemetry.sdk.OpenTelemetrySdk",
          "io.lumen.shaded.io.opentelemetry.sdk.trace.SdkTracerProvider",
          "io.lumen.shaded.io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter",
          "io.lumen.shaded.io.opentelemetry.instrumentation.api.instrumenter.Instrumenter");

  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @TempDir static Path tempDir;
  private static OtlpReceiver receiver;
  private static ForkedJvm app;
  private static int port;

  @BeforeAll
  static void startApplication() throws IOException {
    receiver = OtlpReceiver.start();
    List<Path> libraries = TestLibraries.jars(APP_CLASS_PATH.toArray(new String[0]));
    Path classes = compileApplication(libraries);
    List<Path> classPath = new ArrayList<>();
    classPath.add(classes);
    classPath.addAll(libraries);
    app =
        ForkedJvm.builder()
            .mainClass(APP_MAIN_CLASS)
            .addClassPath(classPath)
            .exportTo(receiver, OtlpProtocol.GRPC)
            .start();
    Matcher ready =
        Pattern.compile("READY port=(\\d+)")
            .matcher(app.waitForOutput(Pattern.compile("READY port=\\d+"), TIMEOUT));
    assertThat(ready.find()).isTrue();
    port = Integer.parseInt(ready.group(1));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    receiver.close();
  }

  @Test
  void applicationLoadsItsOwnReleaseOfEveryLibrary() {
    for (BundledLibrary library : REPORTED_LIBRARIES) {
      Map<String, String> reported = fields(marker("LIBRARY " + library.name() + " "));
      assertThat(reported)
          .as(library.name())
          .containsEntry("version", library.version())
          .containsEntry("loader", "system")
          .containsEntry("jar", library.jar().toString());
      assertThat(reported.get("class")).doesNotStartWith("io.lumen");
    }
  }

  @Test
  void classForNameFindsTheApplicationsByteBuddy() {
    assertThat(marker("PROBE forName net.bytebuddy.ByteBuddy "))
        .isEqualTo("jar=" + TestLibraries.jar("net.bytebuddy:byte-buddy:1.10.22").toAbsolutePath());
  }

  @Test
  void agentInternalsAreInTheAgentJarButNotLoadableByTheApplication() throws IOException {
    try (JarFile agentJar = new JarFile(System.getProperty(ForkedJvmBuilder.AGENT_JAR_PROPERTY))) {
      for (String className : AGENT_INTERNALS) {
        // Probing for a name the agent does not have would prove nothing.
        assertThat(agentJar.getJarEntry("inst/" + className.replace('.', '/') + ".classdata"))
            .as("%s in the agent jar", className)
            .isNotNull();
        assertThat(marker("PROBE internal " + className + " ")).isEqualTo("not-loadable");
      }
    }
    assertThat(marker("PROBE resource inst/io/lumen/agent/tooling/AgentInstaller.classdata "))
        .isEqualTo("present");
  }

  @Test
  void onlyBootstrapClassesAndTheRelocatedApiAreVisible() {
    assertThat(marker("PROBE bootstrap io.lumen.bootstrap.AgentLog "))
        .isEqualTo("loadable by=bootstrap");
    assertThat(marker("PROBE bootstrap io.lumen.shaded.io.opentelemetry.api.GlobalOpenTelemetry "))
        .isEqualTo("loadable by=bootstrap");
  }

  @Test
  void everyBundledLibraryWorksAtStartUp() {
    assertThat(marker("FEATURE byte-buddy ")).isEqualTo("generated-by-application-byte-buddy");
    assertThat(marker("FEATURE okhttp ")).isEqualTo("status=200 body=hello");
    assertThat(marker("FEATURE protobuf "))
        .isEqualTo("library=protobuf major=3 seconds=1700000000 nanos=5 equal=true");
    assertThat(fields(marker("FEATURE opentelemetry-sdk ")))
        .containsEntry("exported", "1")
        .containsEntry("span", "application-work")
        .containsEntry("root", "true")
        .containsEntry("service", "bundled-libraries-app")
        // set through Span.current(): the span the application made current is its own SDK's
        .containsEntry("attribute", "true");
  }

  @Test
  void applicationsOwnOkHttpRequestBecomesAServerSpan() {
    ReceivedSpan server =
        receiver.awaitSpan(
            s ->
                s.kind() == ReceivedSpan.Kind.SERVER
                    && "okhttp/3.14.9".equals(s.attribute("user_agent.original")),
            TIMEOUT);
    assertThat(server)
        .hasName("GET")
        .hasAttribute("url.path", "/hello")
        .hasAttribute("http.response.status_code", 200L)
        .hasServiceName("BundledLibrariesApp")
        .hasResourceAttribute("telemetry.distro.name", "lumen");
  }

  @Test
  void librariesWorkInsideAnInstrumentedRequestAndItIsTraced() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/features"))
                .header("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    List<String> features = response.body().lines().toList();
    assertThat(features)
        .hasSize(3)
        .contains(
            "FEATURE byte-buddy generated-by-application-byte-buddy",
            "FEATURE protobuf library=protobuf major=3 seconds=1700000000 nanos=5 equal=true");
    assertThat(fields(features.get(2).substring("FEATURE opentelemetry-sdk ".length())))
        .containsEntry("exported", "1")
        .containsEntry("span", "application-work")
        .containsEntry("service", "bundled-libraries-app")
        .containsEntry("attribute", "true");

    ReceivedSpan server = receiver.awaitSpan(s -> s.traceId().equals(TRACE_ID), TIMEOUT);
    assertThat(server).isServer().hasAttribute("url.path", "/features");
    assertThat(server.parentSpanId()).isEqualTo(PARENT_SPAN_ID);
    // The application's span went to its own exporter only, never through the agent's pipeline:
    // it ended before the server span, so it would have been exported with or before it.
    assertThat(receiver.spans(s -> s.name().equals("application-work"))).isEmpty();
    assertThat(receiver.spans(s -> s.traceId().equals(TRACE_ID))).containsExactly(server);
  }

  /** The rest of the application's stdout line that starts with {@code prefix}. */
  private static String marker(String prefix) {
    List<String> lines =
        app.stdout().lines().filter(line -> line.startsWith(prefix)).collect(Collectors.toList());
    assertThat(lines).as("stdout lines starting with '%s'", prefix).hasSize(1);
    return lines.get(0).substring(prefix.length());
  }

  /** {@code key=value} pairs separated by spaces; the application prints no spaces in values. */
  private static Map<String, String> fields(String text) {
    return Arrays.stream(text.split(" "))
        .map(field -> field.split("=", 2))
        .collect(
            Collectors.toMap(
                pair -> pair[0],
                pair -> pair.length > 1 ? pair[1] : "",
                (first, second) -> first,
                LinkedHashMap::new));
  }

  /** Compiles the application against exactly the libraries it runs with. */
  private static Path compileApplication(List<Path> libraries) throws IOException {
    Path sources = tempDir.resolve("src");
    Path classes = tempDir.resolve("classes");
    Path source = sources.resolve(APP_SOURCE);
    Files.createDirectories(source.getParent());
    Files.createDirectories(classes);
    try (InputStream in =
        ClassLoaderIsolationSmokeTest.class.getClassLoader().getResourceAsStream(APP_SOURCE)) {
      assertThat(in).as("application source %s on the test class path", APP_SOURCE).isNotNull();
      Files.write(source, in.readAllBytes());
    }

    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertThat(compiler).as("a JDK with javac runs the tests").isNotNull();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      String classPath =
          libraries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
      boolean compiled =
          compiler
              .getTask(
                  null,
                  files,
                  diagnostics,
                  List.of("--release", "17", "-classpath", classPath, "-d", classes.toString()),
                  null,
                  files.getJavaFileObjects(source))
              .call();
      assertThat(compiled)
          .as("compiling %s: %s", APP_SOURCE, diagnostics.getDiagnostics())
          .isTrue();
    }
    return classes;
  }
}
