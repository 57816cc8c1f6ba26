package io.lumen.smoketest.support;

import io.lumen.testing.agent.TestLibraries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The jars forked applications run with, at the versions the pom copies to {@code
 * target/test-libs} (and passes to the tests as {@code test.*.version} properties).
 */
public final class LibraryJars {

  private LibraryJars() {}

  /** The application's own OpenTelemetry annotations, and the API they need. */
  public static List<Path> annotations() {
    return TestLibraries.jars(
        "io.opentelemetry.instrumentation:opentelemetry-instrumentation-annotations:"
            + version("annotations"),
        "io.opentelemetry:opentelemetry-api:" + version("otel.api"),
        "io.opentelemetry:opentelemetry-context:" + version("otel.api"),
        "io.opentelemetry:opentelemetry-common:" + version("otel.api"));
  }

  public static Path h2() {
    return TestLibraries.jar("com.h2database:h2:" + version("h2"));
  }

  public static Path postgresql() {
    return TestLibraries.jar("org.postgresql:postgresql:" + version("postgresql"));
  }

  public static Path mariadb() {
    return TestLibraries.jar("org.mariadb.jdbc:mariadb-java-client:" + version("mariadb"));
  }

  public static List<Path> hikariCp() {
    return TestLibraries.jars(
        "com.zaxxer:HikariCP:" + version("hikaricp"), "org.slf4j:slf4j-api:" + version("slf4j"));
  }

  public static List<Path> all(Object... jarsOrLists) {
    List<Path> all = new ArrayList<>();
    for (Object entry : jarsOrLists) {
      if (entry instanceof Path) {
        all.add((Path) entry);
      } else {
        for (Object path : (List<?>) entry) {
          all.add((Path) path);
        }
      }
    }
    return all;
  }

  private static String version(String library) {
    String version = System.getProperty("test." + library + ".version");
    if (version == null) {
      throw new IllegalStateException(
          "test." + library + ".version is not set: run the tests through Maven");
    }
    return version;
  }
}
