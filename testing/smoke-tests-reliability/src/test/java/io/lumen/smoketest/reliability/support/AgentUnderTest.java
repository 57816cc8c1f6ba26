package io.lumen.smoketest.reliability.support;

import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.ForkedJvmBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * The agent jar these tests run, and the forked JVMs that run it.
 *
 * <p>The jar is copied once per test run: others rebuild {@code agent/target} while these
 * minutes-long tests run, and a JVM started from a half-written jar proves nothing.
 */
public final class AgentUnderTest {

  public static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Pattern READY = Pattern.compile("READY port=(\\d+)");
  private static Path snapshot;

  private AgentUnderTest() {}

  /** The copy of the agent jar all forked JVMs of this run use. */
  public static synchronized Path jar() {
    if (snapshot == null) {
      Path original = Path.of(System.getProperty(ForkedJvmBuilder.AGENT_JAR_PROPERTY));
      try {
        Path copy = Files.createTempFile("lumen-javaagent-", ".jar");
        copy.toFile().deleteOnExit();
        for (int attempt = 1; ; attempt++) {
          Files.copy(original, copy, StandardCopyOption.REPLACE_EXISTING);
          try (ZipFile zip = new ZipFile(copy.toFile())) {
            if (zip.getEntry("META-INF/MANIFEST.MF") != null) {
              break;
            }
          } catch (IOException e) {
            if (attempt >= 10) {
              throw e;
            }
          }
          sleep(3_000); // being rebuilt right now
        }
        snapshot = copy;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy the agent jar " + original, e);
      }
    }
    return snapshot;
  }

  /** A JVM with the agent, exporting to {@code endpoint} (OTLP/gRPC) with short delays. */
  public static ForkedJvmBuilder exportingTo(String endpoint) {
    return ForkedJvm.builder()
        .agent(jar())
        .environment("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)
        .environment("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")
        .environment("OTEL_BSP_SCHEDULE_DELAY", "100")
        .environment("OTEL_BLRP_SCHEDULE_DELAY", "100")
        .environment("OTEL_METRIC_EXPORT_INTERVAL", "500");
  }

  /** Waits for {@code READY port=<n>} and returns the port. */
  public static int port(ForkedJvm app) {
    Matcher matcher = READY.matcher(app.waitForOutput(READY, STARTUP));
    if (!matcher.find()) {
      throw new AssertionError("no port in " + app.describeOutput());
    }
    return Integer.parseInt(matcher.group(1));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
