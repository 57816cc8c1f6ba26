package io.lumen.smoketest.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.smoketest.reliability.apps.CountingApp;
import io.lumen.smoketest.reliability.extension.FailingTargetInstrumentationModule;
import io.lumen.smoketest.reliability.report.ReliabilityReport;
import io.lumen.smoketest.reliability.support.AgentUnderTest;
import io.lumen.smoketest.reliability.support.TestJars;
import io.lumen.testing.agent.ForkedJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A module whose advice keeps throwing switches itself off after exactly {@code
 * AdviceErrors.FAILURE_LIMIT} (100) failures and says so once; the application's results are the
 * same throughout. (The broader faulty-advice cases are in testing/smoke-tests, {@code
 * FaultyAdviceSmokeTest}.)
 */
class FaultyModuleSwitchOffTest {

  /** {@code io.lumen.bootstrap.AdviceErrors.FAILURE_LIMIT}. */
  private static final int FAILURE_LIMIT = 100;

  @Test
  void aModuleThatKeepsFailingIsSwitchedOffAfterTheLimitAndSaysSoOnce() throws Exception {
    Path extension =
        TestJars.pack(
            Files.createTempDirectory("failing-extension").resolve("failing-extension.jar"),
            FailingTargetInstrumentationModule.class,
            Map.of(),
            Map.of(
                InstrumentationModule.class.getName(),
                FailingTargetInstrumentationModule.class.getName()));
    try (ForkedJvm app =
        ForkedJvm.builder()
            .agent(AgentUnderTest.jar())
            .systemProperty("otel.javaagent.extensions", extension.toString())
            .environment("OTEL_TRACES_EXPORTER", "none")
            .environment("OTEL_METRICS_EXPORTER", "none")
            .environment("OTEL_LOGS_EXPORTER", "none")
            .mainClass(CountingApp.class)
            .addClassPathOf(CountingApp.class)
            .start()) {
      assertThat(app.waitForExit(Duration.ofSeconds(60))).as(app.describeOutput()).isZero();

      assertThat(app.stdout())
          .contains("RESULTS OK")
          .contains("ADVICE RUNS " + FAILURE_LIMIT);
      List<String> switchedOff =
          app.stderr().lines().filter(line -> line.contains("switched off")).toList();
      assertThat(switchedOff)
          .singleElement()
          .asString()
          .contains("WARN")
          .contains(FailingTargetInstrumentationModule.NAME)
          .contains("failed " + FAILURE_LIMIT + " times");

      ReliabilityReport.entry("2.5 Faulty instrumentation switches itself off")
          .proves(
              "A test extension's advice throws on every call of an application method called"
                  + " 1,000 times: every call returns the right result, the advice runs exactly"
                  + " 100 times (AdviceErrors.FAILURE_LIMIT) and never again, and the agent logs"
                  + " one WARN line saying the module is switched off. (Advice that throws or"
                  + " returns a wrong type: testing/smoke-tests, FaultyAdviceSmokeTest.)")
          .figure("calls / correct results", CountingApp.CALLS + " / " + CountingApp.CALLS)
          .figure("advice runs before the switch-off", FAILURE_LIMIT)
          .figure("WARN lines", switchedOff.size())
          .record();
    }
  }
}
