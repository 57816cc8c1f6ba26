package io.lumen.sdk;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** service.name as a user sees it: from the jar, the main class, or what they set. */
class ServiceNameTest {

  @TempDir Path tempDir;

  @Test
  void javaDashJarIsNamedAfterTheJar() throws Exception {
    Path jar = probeJar("inventory-service.jar", null);

    List<String> output = run(javaBinary(), "-jar", jar.toString());

    assertThat(output).contains("service.name=inventory-service");
  }

  @Test
  void javaDashJarWithManifestVersionReportsIt() throws Exception {
    Path jar = probeJar("billing.jar", "2.4.1");

    List<String> output = run(javaBinary(), "-jar", jar.toString());

    assertThat(output).contains("service.name=billing", "service.version=2.4.1");
  }

  @Test
  void explicitServiceVersionBeatsTheManifest() throws Exception {
    Path jar = probeJar("billing.jar", "2.4.1");

    List<String> output =
        run(javaBinary(), "-Dotel.resource.attributes=service.version=3.0.0-rc1", "-jar", jar.toString());

    assertThat(output).contains("service.version=3.0.0-rc1");
  }

  @Test
  void serviceInstanceIdIsUniquePerProcess() throws Exception {
    List<String> first = run(javaBinary(), "-cp", testClassPath(), ServiceNameProbe.class.getName());
    List<String> second = run(javaBinary(), "-cp", testClassPath(), ServiceNameProbe.class.getName());

    String firstId = valueOf(first, "service.instance.id");
    assertThat(firstId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(valueOf(second, "service.instance.id")).isNotEqualTo(firstId);
  }

  private static String valueOf(List<String> output, String key) {
    return output.stream()
        .filter(line -> line.startsWith(key + "="))
        .map(line -> line.substring(key.length() + 1))
        .findFirst()
        .orElseThrow(() -> new AssertionError(key + " not printed: " + output));
  }

  @Test
  void mainClassNamesTheServiceWhenThereIsNoJar() throws Exception {
    List<String> output =
        run(javaBinary(), "-cp", testClassPath(), ServiceNameProbe.class.getName());

    assertThat(output).contains("service.name=ServiceNameProbe");
  }

  @Test
  void explicitServiceNameWins() {
    try (LumenOpenTelemetrySdk sdk = build(Map.of("otel.service.name", "checkout"))) {
      assertThat(sdk.getResource().getAttribute(stringKey("service.name"))).isEqualTo("checkout");
    }
    try (LumenOpenTelemetrySdk sdk =
        build(Map.of("otel.resource.attributes", "service.name=cart,deployment.environment.name=prod"))) {
      assertThat(sdk.getResource().getAttribute(stringKey("service.name"))).isEqualTo("cart");
    }
  }

  @Test
  void neverUnknownServiceAndCarriesTheDistro() {
    try (LumenOpenTelemetrySdk sdk = build(Map.of())) {
      assertThat(sdk.getResource().getAttribute(stringKey("service.name")))
          .isNotBlank()
          .doesNotStartWith("unknown_service");
      assertThat(sdk.getResource().getAttribute(stringKey("telemetry.distro.name")))
          .isEqualTo("lumen");
      assertThat(sdk.getResource().getAttribute(stringKey("telemetry.distro.version")))
          .isEqualTo(System.getProperty("lumen.test.version"));
    }
  }

  private static LumenOpenTelemetrySdk build(Map<String, String> properties) {
    return LumenOpenTelemetry.builder()
        .setShutdownHookEnabled(false)
        .addPropertiesSupplier(() -> properties)
        .addPropertiesSupplier(() -> Map.of("otel.sdk.disabled", "true"))
        .build();
  }

  /** A jar whose manifest runs {@link ServiceNameProbe} with the test class path. */
  private Path probeJar(String name, String implementationVersion) throws IOException {
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.put(Attributes.Name.MAIN_CLASS, ServiceNameProbe.class.getName());
    attributes.put(
        Attributes.Name.CLASS_PATH,
        classPathEntries().stream()
            .map(entry -> entry.toUri().toString())
            .collect(Collectors.joining(" ")));
    if (implementationVersion != null) {
      attributes.put(Attributes.Name.IMPLEMENTATION_VERSION, implementationVersion);
    }
    Path jar = tempDir.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream unused = new JarOutputStream(out, manifest)) {
      // The manifest is the whole jar: the classes come from Class-Path.
    }
    return jar;
  }

  private static List<Path> classPathEntries() {
    List<Path> entries = new ArrayList<>();
    for (String entry : testClassPath().split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entries.add(Paths.get(entry).toAbsolutePath());
      }
    }
    return entries;
  }

  private static String testClassPath() {
    return System.getProperty("java.class.path");
  }

  private static String javaBinary() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  private List<String> run(String... command) throws Exception {
    Process process =
        new ProcessBuilder(command).directory(tempDir.toFile()).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    process.waitFor(); // the output ended, so the JVM is exiting
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(text).isZero();
    return text.lines().collect(Collectors.toList());
  }
}
