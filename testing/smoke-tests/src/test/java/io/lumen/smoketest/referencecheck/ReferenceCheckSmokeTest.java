package io.lumen.smoketest.referencecheck;

import static io.lumen.testing.agent.SpanAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.apps.CapitalizeApp;
import io.lumen.smoketest.extension.CapitalizeInstrumentationModule;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.OtlpProtocol;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An instrumentation that does not fit the application's library version is skipped, not crashed:
 * the same extension module, loaded through {@code otel.javaagent.extensions}, against two real
 * commons-lang3 releases, one of which lacks a method its advice calls.
 */
class ReferenceCheckSmokeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final HttpClient client = HttpClient.newHttpClient();

  @TempDir static Path tempDir;
  private static Path extensionJar;
  private static OtlpReceiver receiver;

  @BeforeAll
  static void setUp() throws Exception {
    receiver = OtlpReceiver.start();
    extensionJar = buildExtensionJar(tempDir.resolve("capitalize-extension.jar"));
  }

  @AfterAll
  static void tearDown() {
    receiver.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "commons-lang3-3.17.0.jar",
        // compiled for Java 6: advice reaches it only after the class-file version upgrade
        "commons-lang3-3.5.jar"
      })
  void moduleAppliesWhereTheLibraryHasEverythingItReferences(String library) throws Exception {
    receiver.reset();
    try (ForkedJvm app = startApp(library)) {
      assertThat(capitalize(app, "lumen")).isEqualTo("Lumen");

      ReceivedSpan server = receiver.awaitSpan(s -> s.kind() == ReceivedSpan.Kind.SERVER, TIMEOUT);
      ReceivedSpan capitalize = receiver.awaitSpan("capitalize", TIMEOUT);
      assertThat(capitalize).isChildOf(server).hasAttribute("text.prefix", "lum");
    }
  }

  @Test
  void moduleIsSkippedWhereTheLibraryLacksAReferencedMethod() throws Exception {
    receiver.reset();
    try (ForkedJvm app = startApp("commons-lang3-3.4.jar")) {
      assertThat(capitalize(app, "lumen")).isEqualTo("Lumen");

      ReceivedSpan server = receiver.awaitSpan(s -> s.kind() == ReceivedSpan.Kind.SERVER, TIMEOUT);
      app.waitForOutput("instrumentation test-capitalize skipped", TIMEOUT);
      assertThat(app.stderr())
          .contains("org.apache.commons.lang3.StringUtils#truncate(Ljava/lang/String;I)")
          .doesNotContain("NoSuchMethodError")
          .doesNotContain("NoClassDefFoundError");
      // The server span proves export works. A capitalize span would have ended, and been
      // exported, before its parent server span.
      assertThat(receiver.spans(s -> s.traceId().equals(server.traceId()))).containsExactly(server);
      assertThat(receiver.spans(s -> s.name().equals("capitalize"))).isEmpty();
    }
  }

  private static ForkedJvm startApp(String commonsLangJar) {
    return ForkedJvm.builder()
        .mainClass(CapitalizeApp.class)
        .addClassPathOf(CapitalizeApp.class)
        .addClassPath(testLibrary(commonsLangJar))
        .systemProperty("otel.javaagent.extensions", extensionJar.toString())
        .systemProperty("otel.javaagent.debug", "true")
        .exportTo(receiver, OtlpProtocol.GRPC)
        .start();
  }

  private static String capitalize(ForkedJvm app, String text) throws Exception {
    Matcher matcher =
        Pattern.compile("READY port=(\\d+)")
            .matcher(app.waitForOutput(Pattern.compile("READY port=\\d+"), TIMEOUT));
    assertThat(matcher.find()).isTrue();
    return client
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + matcher.group(1) + "/capitalize?" + text))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static Path testLibrary(String fileName) {
    Path jar = Paths.get("target", "test-libs", fileName).toAbsolutePath();
    assertThat(jar).as("copied by maven-dependency-plugin").exists();
    return jar;
  }

  /** Packs the compiled extension classes and their service registration into one jar. */
  private static Path buildExtensionJar(Path target) throws IOException, URISyntaxException {
    Path classes =
        Paths.get(
            CapitalizeInstrumentationModule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path extensionPackage = classes.resolve("io/lumen/smoketest/extension");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target));
        Stream<Path> files = Files.walk(extensionPackage)) {
      List<Path> classFiles = files.filter(p -> p.toString().endsWith(".class")).toList();
      assertThat(classFiles).hasSizeGreaterThanOrEqualTo(3);
      for (Path classFile : classFiles) {
        jar.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
        jar.write(Files.readAllBytes(classFile));
        jar.closeEntry();
      }
      jar.putNextEntry(new JarEntry("META-INF/services/io.lumen.agent.extension.InstrumentationModule"));
      write(jar, CapitalizeInstrumentationModule.class.getName() + "\n");
      jar.closeEntry();
    }
    return target;
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }
}
