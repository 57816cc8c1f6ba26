package io.lumen.smoketest.reliability.support;

import io.lumen.testing.agent.ForkedJvmBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Jars the forked applications need, as copied to {@code target/test-libs} by the pom. */
public final class TestApps {

  private static final Path LIBS = Path.of("target", "test-libs");

  private TestApps() {}

  /** The application's own OpenTelemetry API (bridged to the agent's SDK). */
  public static List<Path> openTelemetryApi() {
    return List.of(
        lib("opentelemetry-api-"), lib("opentelemetry-context-"), lib("opentelemetry-common-"));
  }

  /** Embedded Tomcat 10.1. */
  public static List<Path> tomcat() {
    return List.of(lib("tomcat-embed-core-"), lib("tomcat-annotations-api-"));
  }

  public static Path lib(String prefix) {
    try (var files = Files.list(LIBS)) {
      return files
          .filter(file -> file.getFileName().toString().startsWith(prefix))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no " + prefix + "*.jar in " + LIBS));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot list " + LIBS + ": run the tests through Maven", e);
    }
  }

  /** {@code mainClass} from this module's test classes, with the OpenTelemetry API. */
  public static ForkedJvmBuilder app(ForkedJvmBuilder builder, Class<?> mainClass) {
    return builder.mainClass(mainClass).addClassPathOf(mainClass).addClassPath(openTelemetryApi());
  }
}
